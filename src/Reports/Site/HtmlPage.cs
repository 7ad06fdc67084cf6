using System.Net;
using System.Text;

namespace Analytics.Reports.Site;

/// <summary>
/// One page of the website column: the shared header, navigation and footer, and helpers that write accessible
/// HTML (encoded text, tables with header cells and captions, figures with alt text). Links are relative, so the
/// folder can be copied anywhere under the school's site.
/// </summary>
public sealed class HtmlPage(string title, string root)
{
    private readonly StringBuilder _body = new();

    /// <summary>The way back to the site's root from this page ("" or "../").</summary>
    public string Root => root;

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "—");

    public HtmlPage Raw(string html) { _body.Append(html).Append('\n'); return this; }

    public HtmlPage Heading(int level, string text, string? id = null) =>
        Raw($"<h{level}{(id is null ? "" : $" id=\"{id}\"")}>{E(text)}</h{level}>");

    public HtmlPage Paragraph(string text, string? cssClass = null) =>
        Raw($"<p{(cssClass is null ? "" : $" class=\"{cssClass}\"")}>{E(text)}</p>");

    /// <summary>
    /// Headline figures as cards. Each value carries data-metric, data-unit and data-month: which mart figure it is,
    /// so a reader (and the browser test) can trace it to the evaluators' snapshot.
    /// </summary>
    public HtmlPage Cards(string unit, string month, IEnumerable<(string Label, string Metric, string Value)> cards) =>
        Raw("<ul class=\"cards\">" + string.Concat(cards.Select(c =>
            $"<li><span class=\"label\">{E(c.Label)}</span><span class=\"value\" {Trace(c.Metric, unit, month)}>{E(c.Value)}</span></li>")) + "</ul>");

    private static string Trace(string metric, string unit, string month) => $"data-metric=\"{metric}\" data-unit=\"{E(unit)}\" data-month=\"{month}\"";

    /// <summary>A chart as an image with alt text (the chart's figures in words) and a caption.</summary>
    public HtmlPage Figure(string src, string alt, string caption) =>
        Raw($"<figure><img src=\"{src}\" alt=\"{E(alt)}\"><figcaption>{E(caption)}</figcaption></figure>");

    /// <summary>A table: a caption, column header cells, and per row a header cell (the row's name) and data cells.</summary>
    public HtmlPage Table(string caption, IReadOnlyList<string> headers, IEnumerable<TableRow> rows)
    {
        var html = new StringBuilder($"<div class=\"table-wrap\" role=\"region\" aria-label=\"{E(caption)}\" tabindex=\"0\"><table><caption>{E(caption)}</caption><thead><tr>");
        foreach (var h in headers) html.Append($"<th scope=\"col\">{E(h)}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row.Cells)
            {
                var tag = cell.IsHeader ? "th scope=\"row\"" : "td";
                var attrs = (cell.Metric is null ? "" : " " + Trace(cell.Metric, row.Unit, row.Month)) + (cell.IsNumber ? " class=\"num\"" : "");
                var content = cell.Href is null ? E(cell.Text) : $"<a href=\"{cell.Href}\">{E(cell.Text)}</a>";
                html.Append($"<{tag}{attrs}>{content}</{tag.Split(' ')[0]}>");
            }
            html.Append("</tr>");
        }
        return Raw(html.Append("</tbody></table></div>").ToString());
    }

    public string Render(string asOf) => $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{E(title)} · 窑火红党建品牌专栏</title>
        <link rel="stylesheet" href="{root}assets/site.css">
        </head>
        <body>
        <a class="skip" href="#main">跳到正文</a>
        <header class="site">
        <p>景德镇学院“窑火红”党建品牌专栏</p>
        <nav aria-label="栏目导航"><ul><li><a href="{root}index.html">本月概览</a></li><li><a href="{root}index.html#colleges">各学院</a></li><li><a href="{root}archive/index.html">往期回顾</a></li></ul></nav>
        </header>
        <main id="main">
        {_body}</main>
        <footer class="site"><p>数据截至 {E(asOf)}。本专栏只发布汇总数据，不含任何个人姓名或编号。数据来源：景德镇学院党委组织部“窑火红”数据分析。</p></footer>
        </body>
        </html>

        """;
}

/// <summary>A table row: the unit and month its figures belong to (for data-unit, data-month) and its cells.</summary>
public sealed record TableRow(string Unit, string Month, IReadOnlyList<TableCell> Cells);

/// <summary>A cell: its text, the mart column it shows (data-metric), a link, whether it is the row's header or a number.</summary>
public sealed record TableCell(string Text, string? Metric = null, string? Href = null, bool IsHeader = false, bool IsNumber = false);
