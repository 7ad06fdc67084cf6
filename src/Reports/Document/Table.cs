using SkiaSharp;

namespace Analytics.Reports.Document;

/// <summary>
/// A table of text cells: the header row repeats at the top of every page the table reaches; a body row moves whole to
/// the next page when it does not fit (only a row taller than a whole page is split). A column is widened, at the
/// expense of columns with room to spare, until its header fits on a line: a Chinese header has no word breaks, so a
/// wrapped one splits a word (同类排/名).
/// </summary>
internal sealed class Table(float[] relativeWidths, TextStyle headerStyle, TextStyle bodyStyle, SKColor headerFill, SKColor? zebraFill) : Element
{
    private readonly List<Row> _rows = [];
    private Row? _header;
    private IReadOnlyList<string> _headerTexts = [];
    private float _fittedFor = -1;
    private int _current;

    public void SetHeader(IReadOnlyList<string> cells)
    {
        _header = Cells(cells, headerStyle, headerFill);
        _headerTexts = cells;
    }

    public void AddRow(IReadOnlyList<string> cells) => _rows.Add(Cells(cells, bodyStyle, zebraFill is { } z && _rows.Count % 2 == 1 ? z : null));

    private Row Cells(IReadOnlyList<string> cells, TextStyle style, SKColor? fill)
    {
        if (cells.Count != relativeWidths.Length)
            throw new ArgumentException($"A table row has {cells.Count} cells; the table has {relativeWidths.Length} columns.");
        var row = new Row(0);
        foreach (var (text, i) in cells.Select((t, i) => (t, i)))
        {
            var frame = new Frame(fill, new SKColor(0xDD, 0xD5, 0xD0), 0.5f, fillHeight: true);
            var padding = new Padding(4, 3, 4, 3);
            padding.Child.Child = new TextBlock(_ => text, style, IsNumber(text) ? TextAlign.Right : TextAlign.Left);
            frame.Child.Child = padding;
            var cell = new Container { Child = frame };
            row.Items.Add((cell, null, relativeWidths[i]));
        }
        return row;
    }

    private static bool IsNumber(string text) => text.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or '%' or ',' or '+');

    public override SpacePlan Measure(LayoutContext context, Size available) => Plan(context, available, draw: false);

    public override void Draw(LayoutContext context, Size available) => Plan(context, available, draw: true);

    public override void Reset()
    {
        _current = 0;
        _header?.Reset();
        foreach (var row in _rows) row.Reset();
    }

    private SpacePlan Plan(LayoutContext context, Size available, bool draw)
    {
        if (_current >= _rows.Count) return SpacePlan.Empty();
        FitHeaders(context, available.Width);
        float top = 0;
        if (_header is not null)
        {
            _header.Reset();
            var head = _header.Measure(context, available);
            if (head.Kind != SpaceKind.FullRender) return SpacePlan.Wrap();
            if (draw) DrawAt(context, _header, 0, 0, available);
            top = head.Height;
        }
        var drawnRows = 0;
        for (var i = _current; i < _rows.Count; i++)
        {
            var space = new Size(available.Width, available.Height - top);
            var plan = _rows[i].Measure(context, space);
            var split = plan.Kind == SpaceKind.PartialRender && drawnRows == 0;
            if (plan.Kind == SpaceKind.Wrap || plan.Kind == SpaceKind.PartialRender && !split)
                return drawnRows == 0 ? SpacePlan.Wrap() : SpacePlan.Partial(available.Width, top);
            if (draw)
            {
                DrawAt(context, _rows[i], 0, top, space);
                if (!split) _current = i + 1;
            }
            top += plan.Height;
            drawnRows++;
            if (split) return SpacePlan.Partial(available.Width, top);
        }
        return SpacePlan.Full(available.Width, top);
    }

    /// <summary>Column widths for this table width: the given shares, moved so that every header fits where they can.</summary>
    private void FitHeaders(LayoutContext context, float total)
    {
        if (_header is null || Math.Abs(_fittedFor - total) < 0.01f) return;
        _fittedFor = total;
        const float cellPadding = 8 + 1; // the cell's padding and its frame
        var sum = relativeWidths.Sum();
        var widths = relativeWidths.Select(r => r / sum * total).ToArray();
        var needs = _headerTexts.Select(h => h.Split('\n').Max(line => context.Canvas.MeasureText(line, headerStyle)) + cellPadding).ToArray();
        var extra = widths.Select((w, i) => Math.Max(0, needs[i] - w)).Sum();
        var spare = widths.Select((w, i) => Math.Max(0, w - needs[i])).ToArray();
        if (extra > 0 && spare.Sum() >= extra)
        {
            var spareTotal = spare.Sum();
            for (var i = 0; i < widths.Length; i++)
                widths[i] = widths[i] < needs[i] ? needs[i] : widths[i] - extra * spare[i] / spareTotal;
        }
        foreach (var row in _rows.Append(_header))
            for (var i = 0; i < row.Items.Count; i++)
                row.Items[i] = (row.Items[i].Item, null, widths[i]);
    }
}
