using Analytics.Reports.Writing;
using Analytics.Reports.Charts;
using Analytics.Reports.Document;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Monthly;

/// <summary>
/// 七一/八一工程进展: each item's coverage and completion, as bars named by the item in words (not T1…S7) with their
/// values, the items furthest behind (below the median of their programme's items) in kiln red; then the table.
/// </summary>
internal sealed class PledgeSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var rows = x.Rows("pledge_items");
        if (rows.Count == 0) { SectionParts.Heading(c, "四、七一/八一工程进展"); SectionParts.Empty(c, "本月没有承诺数据。"); return; }
        var rates = rows.Rows.Select(r => 100 * (F.Number(r["completion_rate"]) ?? 0)).ToList();
        var medians = rows.Rows.Select((r, i) => (Programme: F.Text(r["programme"]), Rate: rates[i])).GroupBy(p => p.Programme)
            .ToDictionary(g => g.Key, g => Median(g.Select(p => p.Rate).ToList()));
        var labels = rows.Rows.Select(r => $"{(F.Text(r["programme"]) == "七一工程" ? "七一" : "八一")}·{Short(F.Text(r["item_text"]))}").ToList();
        var plot = BarChart.Build(new BarChartData("各承诺事项完成率（%）", labels, rates, "完成率（%）", Horizontal: true,
            Highlighted: rows.Rows.Select((r, i) => rates[i] < medians[F.Text(r["programme"])]).ToList(), ValueFormat: "0.0"));
        var height = 50 + 17 * rows.Count;
        SectionParts.Heading(c, "四、七一/八一工程进展", b =>
        {
            b.Item().Drawing("pledges", height, x.Chart("pledges", plot, 500, height));
            b.Item().Text("红色为完成率低于本工程各事项中位数的事项，需要重点推进。", Styles.Note);
        });
        c.Item().Table(t =>
        {
            t.Columns(1.6f, 0.8f, 5, 1.2f, 1.4f, 1.4f);
            t.Header("工程", "事项", "内容", "应承诺", "承诺率", "完成率");
            foreach (var r in rows.Rows)
                t.Row(F.Text(r["programme"]), F.Text(r["item"]), F.Text(r["item_text"]), F.Count(r["n_members_owing"]), F.Percent(r["pledge_rate"]), F.Percent(r["completion_rate"]));
        });
    }

    /// <summary>An item's text short enough for a bar label: its quotation marks dropped, at most ten characters.</summary>
    private static string Short(string text)
    {
        var plain = text.Replace("“", "").Replace("”", "");
        return plain.Length <= 10 ? plain : plain[..9] + "…";
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
