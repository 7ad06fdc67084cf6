using System.Globalization;
using System.Net;
using System.Text;

namespace Analytics.Reports.Site;

/// <summary>
/// Small, self-contained SVG charts for the website: no script, no external font (the reader's own Chinese sans-serif
/// is asked for by name), a &lt;title&gt; and &lt;desc&gt; for screen readers, and the report palette.
/// </summary>
public static class SvgChart
{
    private const string Font = "font-family=\"'PingFang SC','Noto Sans CJK SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif\"";
    private static readonly string[] Colours = ["#B22222", "#4F7F6F", "#D96C3B"];

    /// <summary>Horizontal bars, one per label, scaled to 0–100.</summary>
    public static string Bars(string title, IReadOnlyList<string> labels, IReadOnlyList<double> values)
    {
        const int labelWidth = 170, barArea = 330, rowHeight = 22, top = 34;
        var height = top + labels.Count * rowHeight + 10;
        var svg = Open(title, DescribeBars(labels, values), labelWidth + barArea + 60, height);
        for (var i = 0; i < labels.Count; i++)
        {
            var y = top + i * rowHeight;
            var width = Math.Max(0, Math.Min(100, values[i])) / 100 * barArea;
            svg.Append($"<text x=\"{labelWidth - 8}\" y=\"{y + 15}\" text-anchor=\"end\" font-size=\"12\" fill=\"#332B28\">{E(labels[i])}</text>");
            svg.Append($"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{N(width)}\" height=\"16\" fill=\"{(i == 0 ? Colours[0] : Colours[2])}\"/>");
            svg.Append($"<text x=\"{N(labelWidth + width + 6)}\" y=\"{y + 15}\" font-size=\"12\" fill=\"#332B28\">{N1(values[i])}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Lines over labelled months, values 0–100, with a legend.</summary>
    public static string Lines(string title, IReadOnlyList<string> labels, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series)
    {
        const int left = 40, top = 40, width = 520, height = 200;
        var svg = Open(title, DescribeLines(labels, series), left + width + 30, top + height + 40);
        foreach (var tick in new[] { 0, 25, 50, 75, 100 })
        {
            var y = top + height - tick / 100.0 * height;
            svg.Append($"<line x1=\"{left}\" x2=\"{left + width}\" y1=\"{N(y)}\" y2=\"{N(y)}\" stroke=\"#DDD5D0\"/>");
            svg.Append($"<text x=\"{left - 6}\" y=\"{N(y + 4)}\" text-anchor=\"end\" font-size=\"11\" fill=\"#332B28\">{tick}</text>");
        }
        double X(int i) => left + (labels.Count == 1 ? width / 2.0 : i * (double)width / (labels.Count - 1));
        for (var i = 0; i < labels.Count; i++)
            svg.Append($"<text x=\"{N(X(i))}\" y=\"{top + height + 18}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#332B28\">{E(labels[i])}</text>");
        for (var s = 0; s < series.Count; s++)
        {
            var points = series[s].Values.Select((v, i) => (v, i)).Where(p => p.v is not null)
                .Select(p => $"{N(X(p.i))},{N(top + height - Math.Clamp(p.v!.Value, 0, 100) / 100 * height)}").ToList();
            if (points.Count > 0)
                svg.Append($"<polyline fill=\"none\" stroke=\"{Colours[s % Colours.Length]}\" stroke-width=\"2.5\" points=\"{string.Join(' ', points)}\"/>");
            svg.Append($"<rect x=\"{left + s * 170}\" y=\"8\" width=\"14\" height=\"4\" fill=\"{Colours[s % Colours.Length]}\"/>");
            svg.Append($"<text x=\"{left + s * 170 + 20}\" y=\"14\" font-size=\"12\" fill=\"#332B28\">{E(series[s].Name)}</text>");
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
