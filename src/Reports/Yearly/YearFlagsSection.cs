using Analytics.Reports.Document;
using Analytics.Reports.Writing;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Yearly;

/// <summary>五、预警支部及整改: branches flagged during the year, for how long, and whether they recovered.</summary>
internal sealed class YearFlagsSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        const string title = "五、预警支部及整改情况";
        if (!x.Queries.HasTable("marts", "branch_flags"))
        {
            SectionParts.Heading(c, title, b => b.Item().Text("后进支部预警尚未运行，本报告暂无预警结果。", Styles.Body));
            return;
        }
        var rows = x.Rows("year_flagged_branches");
        if (rows.Count == 0)
        {
            SectionParts.Heading(c, title, b => b.Item().Text("本年度没有支部被判定为可能落后。", Styles.Body));
            return;
        }
        var recovered = rows.Rows.Count(r => r["recovered"] is true);
        SectionParts.Heading(c, title, b => b.Item().Text(
            $"本年度共有 {rows.Count} 个支部曾被预警，其中 {recovered} 个已恢复（最近两个月未再预警），{rows.Count - recovered} 个截至{F.Month(F.Text(rows.Rows[0]["year_last_month"]))}仍需关注。", Styles.Body));
        c.Item().Table(t =>
        {
            t.Columns(4.5f, 1.4f, 3.4f, 2);
            t.Header("支部", "预警月数", "首次—最近", "状态");
            foreach (var r in rows.Rows)
                t.Row(F.Text(r["branch_name"]), F.Count(r["n_months_flagged"]), $"{F.Month(F.Text(r["first_flagged"]))}—{F.Month(F.Text(r["last_flagged"]))}",
                    r["recovered"] is true ? "已恢复" : "仍需关注");
        });
    }
}
