using System.Globalization;
using System.Net;
using System.Text;

namespace Analytics.Reports.Site;

/// <summary>
/// Small, self-contained SVG charts for the website: no script, no external font (the reader's own Chinese sans-serif
/// is asked for by name), a &lt;title&gt; and &lt;desc&gt; for screen readers, and the report palette. They are drawn
/// about as wide as a phone's column (360 units) and scale with it (the stylesheet sets their width to the column's),
/// so that labels of 12–13 units stay 12–13 px on a 390 px phone instead of shrinking to 6–8 px.
/// </summary>
public static class SvgChart
{
    private const string Font = "font-family=\"'PingFang SC','Noto Sans CJK SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif\"";
    private static readonly string[] Colours = ["#B22222", "#4F7F6F", "#D96C3B"];

    /// <summary>
    /// Horizontal bars, one per label, on 0–100; the bars of <paramref name="highlighted"/> in kiln red, the rest in a
    /// quiet tone (none highlighted: the first).
    /// </summary>
    public static string Bars(string title, IReadOnlyList<string> labels, IReadOnlyList<double> values, IReadOnlyList<bool>? highlighted = null)
    {
        const int labelWidth = 110, barArea = 200, rowHeight = 24, top = 8;
        var height = top + labels.Count * rowHeight + 8;
        var svg = Open(title, DescribeBars(labels, values), labelWidth + barArea + 44, height);
        for (var i = 0; i < labels.Count; i++)
        {
            var y = top + i * rowHeight;
            var width = Math.Max(0, Math.Min(100, values[i])) / 100 * barArea;
            var strong = highlighted is null ? i == 0 : highlighted[i];
            svg.Append($"<text x=\"{labelWidth - 6}\" y=\"{y + 16}\" text-anchor=\"end\" font-size=\"13\" fill=\"#332B28\">{E(labels[i])}</text>");
            svg.Append($"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{N(width)}\" height=\"16\" fill=\"{(strong ? Colours[0] : Colours[2])}\"{(strong ? "" : " fill-opacity=\"0.55\"")}/>");
            svg.Append($"<text x=\"{N(labelWidth + width + 4)}\" y=\"{y + 16}\" font-size=\"13\" fill=\"#332B28\">{N1(values[i])}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// Lines over months, values 0–100, with a legend (one line a series, above the plot). The x axis says the month
    /// and, under the first month and every January, the year.
    /// </summary>
    public static string Lines(string title, IReadOnlyList<string> monthIds, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series)
    {
        const int left = 30, width = 310, height = 160;
        var top = 10 + series.Count * 18;
        var labels = monthIds.Select(m => $"{int.Parse(m[5..], CultureInfo.InvariantCulture)}月").ToList();
        var svg = Open(title, DescribeLines(monthIds.Select((m, i) => $"{m[..4]}年{labels[i]}").ToList(), series), left + width + 16, top + height + 44);
        foreach (var tick in new[] { 0, 25, 50, 75, 100 })
        {
            var y = top + height - tick / 100.0 * height;
            svg.Append($"<line x1=\"{left}\" x2=\"{left + width}\" y1=\"{N(y)}\" y2=\"{N(y)}\" stroke=\"#DDD5D0\"/>");
            svg.Append($"<text x=\"{left - 6}\" y=\"{N(y + 4)}\" text-anchor=\"end\" font-size=\"12\" fill=\"#332B28\">{tick}</text>");
        }
        double X(int i) => left + (labels.Count == 1 ? width / 2.0 : i * (double)width / (labels.Count - 1));
        // Every other month is labelled when there are many, so that labels never touch at a phone's width.
        var every = labels.Count > 8 ? 2 : 1;
        for (var i = 0; i < labels.Count; i++)
        {
            var january = monthIds[i].EndsWith("-01", StringComparison.Ordinal);
            if (i % every == 0 || january || i == labels.Count - 1)
                svg.Append($"<text x=\"{N(X(i))}\" y=\"{top + height + 16}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#332B28\">{E(labels[i])}</text>");
            if (i == 0 || january)
                svg.Append($"<text x=\"{N(X(i))}\" y=\"{top + height + 32}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#332B28\">{E(monthIds[i][..4])}年</text>");
        }
        for (var s = 0; s < series.Count; s++)
        {
            var points = series[s].Values.Select((v, i) => (v, i)).Where(p => p.v is not null)
                .Select(p => $"{N(X(p.i))},{N(top + height - Math.Clamp(p.v!.Value, 0, 100) / 100 * height)}").ToList();
            if (points.Count > 0)
                svg.Append($"<polyline fill=\"none\" stroke=\"{Colours[s % Colours.Length]}\" stroke-width=\"2.5\" points=\"{string.Join(' ', points)}\"/>");
            svg.Append($"<rect x=\"{left}\" y=\"{4 + s * 18}\" width=\"14\" height=\"4\" fill=\"{Colours[s % Colours.Length]}\"/>");
            svg.Append($"<text x=\"{left + 20}\" y=\"{10 + s * 18}\" font-size=\"12\" fill=\"#332B28\">{E(series[s].Name)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string title, string description, int width, int height) =>
        new StringBuilder()
            .Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" {Font}>")
            .Append($"<title>{E(title)}</title><desc>{E(description)}</desc>");

    private static string DescribeBars(IReadOnlyList<string> labels, IReadOnlyList<double> values) =>
        string.Join("；", labels.Select((l, i) => $"{l} {N1(values[i])}"));

    private static string DescribeLines(IReadOnlyList<string> labels, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series) =>
        string.Join("；", series.Select(s => $"{s.Name}：" + string.Join("，", s.Values.Select((v, i) => $"{labels[i]} {(v is null ? "—" : N1(v.Value))}"))));

    private static string E(string text) => WebUtility.HtmlEncode(text);
    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    private static string N1(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
}
