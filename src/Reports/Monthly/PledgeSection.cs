using Analytics.Reports.Writing;
using Analytics.Reports.Charts;
using Analytics.Reports.Document;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Monthly;

/// <summary>七一/八一工程进展: each item's coverage and completion, table and chart.</summary>
internal sealed class PledgeSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var rows = x.Rows("pledge_items");
        if (rows.Count == 0) { SectionParts.Heading(c, "四、七一/八一工程进展"); SectionParts.Empty(c, "本月没有承诺数据。"); return; }
        var plot = BarChart.Build(new BarChartData("各承诺事项完成率", rows.Rows.Select(r => F.Text(r["item"])).ToList(),
            rows.Rows.Select(r => 100 * (F.Number(r["completion_rate"]) ?? 0)).ToList(), "完成率（%）"));
        SectionParts.Heading(c, "四、七一/八一工程进展", b => b.Item().Drawing("pledges", 170, x.Chart("pledges", plot, 500, 170)));
        c.Item().Table(t =>
        {
            t.Columns(1.6f, 0.8f, 5, 1.2f, 1.4f, 1.4f);
            t.Header("工程", "事项", "内容", "应承诺", "承诺率", "完成率");
            foreach (var r in rows.Rows)
                t.Row(F.Text(r["programme"]), F.Text(r["item"]), F.Text(r["item_text"]), F.Count(r["n_members_owing"]), F.Percent(r["pledge_rate"]), F.Percent(r["completion_rate"]));
        });
    }
}
