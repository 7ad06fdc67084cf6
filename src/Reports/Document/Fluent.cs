using SkiaSharp;

namespace Analytics.Reports.Document;

/// <summary>Builds a column: items one below the other, with spacing.</summary>
public sealed class ColumnDescriptor
{
    internal Column Column { get; }
    internal ColumnDescriptor(float spacing) => Column = new Column(spacing);

    public Container Item()
    {
        var item = new Container();
        Column.Items.Add(item);
        return item;
    }
}

/// <summary>Builds a row: items side by side, of constant width or a share of the rest.</summary>
public sealed class RowDescriptor
{
    internal Row Row { get; }
    internal RowDescriptor(float spacing) => Row = new Row(spacing);

    public Container RelativeItem(float weight = 1)
    {
        var item = new Container();
        Row.Items.Add((item, null, weight));
        return item;
    }

    public Container ConstantItem(float width)
    {
        var item = new Container();
        Row.Items.Add((item, width, 0));
        return item;
    }
}

/// <summary>Builds a table of text cells with a header row repeated on every page.</summary>
public sealed class TableDescriptor
{
    private readonly List<IReadOnlyList<string>> _rows = [];
    private IReadOnlyList<string>? _header;
    private float[]? _widths;
    public TextStyle HeaderStyle { get; set; } = new(9.5f, new SKColor(0x6E, 0x14, 0x14));
    public TextStyle BodyStyle { get; set; } = new(9.5f);
    public SKColor HeaderFill { get; set; } = new(0xF6, 0xE3, 0xDC);
    public SKColor? ZebraFill { get; set; } = new SKColor(0xFA, 0xF6, 0xF4);

    public void Columns(params float[] relativeWidths) => _widths = relativeWidths;
    public void Header(params string[] cells) => _header = cells;
    public void Row(params string[] cells) => _rows.Add(cells);

    internal Table Build()
    {
        var widths = _widths ?? Enumerable.Repeat(1f, (_header ?? _rows.FirstOrDefault() ?? []).Count).ToArray();
        var table = new Table(widths, HeaderStyle, BodyStyle, HeaderFill, ZebraFill);
        if (_header is not null) table.SetHeader(_header);
        foreach (var row in _rows) table.AddRow(row);
        return table;
    }
}

/// <summary>The fluent way to fill a container: decorators return the container inside them, so calls chain.</summary>
public static class ContainerExtensions
{
    private static Container Put(Container container, Element element)
    {
        if (container.Child is not null) throw new InvalidOperationException("A container holds one element; use a Column or a Row for more.");
        container.Child = element;
        return container;
    }

    public static Container Padding(this Container container, float all) => container.Padding(all, all, all, all);

    public static Container Padding(this Container container, float left, float top, float right, float bottom)
    {
        var padding = new Padding(left, top, right, bottom);
        Put(container, padding);
        return padding.Child;
    }

    public static Container Background(this Container container, SKColor fill)
    {
        var frame = new Frame(fill, null, 0);
        Put(container, frame);
        return frame.Child;
    }

    public static Container Border(this Container container, SKColor color, float width = 0.75f)
    {
        var frame = new Frame(null, color, width);
        Put(container, frame);
        return frame.Child;
    }

    /// <summary>The content that follows moves to the next page as a whole unless it fits here entirely.</summary>
    public static Container ShowEntire(this Container container)
    {
        var entire = new ShowEntire();
        Put(container, entire);
        return entire.Child;
    }

    public static void Text(this Container container, string text, TextStyle? style = null, TextAlign align = TextAlign.Left) =>
        Put(container, new TextBlock(_ => text, style ?? new TextStyle(), align));

    /// <summary>Text with {page} and {total} filled in for each page (第 {page} 页 / 共 {total} 页).</summary>
    public static void PageNumber(this Container container, string format, TextStyle? style = null, TextAlign align = TextAlign.Center) =>
        Put(container, new TextBlock(c => format.Replace("{page}", c.PageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{total}", c.TotalPages.ToString(System.Globalization.CultureInfo.InvariantCulture)), style ?? new TextStyle(9), align));

    public static void Column(this Container container, Action<ColumnDescriptor> build, float spacing = 6)
    {
        var descriptor = new ColumnDescriptor(spacing);
        build(descriptor);
        Put(container, descriptor.Column);
    }

    public static void Row(this Container container, Action<RowDescriptor> build, float spacing = 8)
    {
        var descriptor = new RowDescriptor(spacing);
        build(descriptor);
        Put(container, descriptor.Row);
    }

    public static void Table(this Container container, Action<TableDescriptor> build)
    {
        var descriptor = new TableDescriptor();
        build(descriptor);
        Put(container, descriptor.Build());
    }

    public static void Box(this Container container, string label, float width, float height) => Put(container, new Box(label, width, height));

    /// <summary>Vector drawing (a chart) of a fixed height across the available width.</summary>
    public static void Drawing(this Container container, string label, float height, Action<SKCanvas, Size> draw) =>
        Put(container, new Drawing(label, height, draw));

    public static void PageBreak(this Container container) => Put(container, new PageBreak());
}
