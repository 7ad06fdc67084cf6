using System.Globalization;
using System.Text;

namespace Analytics.Service.Cli;

/// <summary>A plain fixed-width text table that lines up Chinese (double-width) text too.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public TextTable Add(params object?[] cells)
    {
        _rows.Add(cells.Select(c => c switch
        {
            null => "",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => c.ToString() ?? "",
        }).ToArray());
        return this;
    }

    public override string ToString()
    {
        var widths = headers.Select((h, i) => _rows.Select(r => Width(r[i])).Append(Width(h)).Max()).ToArray();
        var builder = new StringBuilder();
        void Line(IReadOnlyList<string> cells)
        {
            for (var i = 0; i < cells.Count; i++)
            {
                var numeric = i > 0 && cells[i].Length > 0 && cells[i].All(c => char.IsAsciiDigit(c) || c is '.' or '-' or ',' or '×' or '%');
                var pad = new string(' ', widths[i] - Width(cells[i]));
                builder.Append(numeric ? pad + cells[i] : cells[i] + pad);
                builder.Append(i < cells.Count - 1 ? "  " : "");
            }
            builder.AppendLine();
        }
        Line(headers);
        builder.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows) Line(row);
        return builder.ToString();
    }

    /// <summary>Display width: CJK characters take two columns.</summary>
    private static int Width(string text) => text.Sum(c => c >= '\u1100' && (c <= '\u115F' || c >= '\u2E80' && c <= '\uA4CF' || c >= '\uAC00' && c <= '\uD7A3' || c >= '\uF900' && c <= '\uFAFF' || c >= '\uFE30' && c <= '\uFE4F' || c >= '\uFF00' && c <= '\uFF60' || c >= '\uFFE0' && c <= '\uFFE6') ? 2 : 1);
}
