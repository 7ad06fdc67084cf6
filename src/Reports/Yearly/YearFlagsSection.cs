using Analytics.Reports.Document;
using Analytics.Reports.Writing;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Yearly;

/// <summary>
/// 五、预警支部及整改情况: the year's warnings through their lifecycle — opened, escalated to the college, the 整改措施
/// their reasons called for, and closed (销号) or still open.
/// </summary>
internal sealed class YearFlagsSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        const string title = "五、预警支部及整改情况";
        if (!x.Queries.HasTable("marts", "branch_flags") || !x.Queries.HasTable("marts", "branch_warnings"))
        {
            SectionParts.Heading(c, title, b => b.Item().Text("后进支部预警尚未运行，本报告暂无预警结果。", Styles.Body));
            return;
        }
        var rows = x.Rows("year_flagged_branches");
        if (rows.Count == 0)
        {
            SectionParts.Heading(c, title, b => b.Item().Text("本年度没有支部被预警。", Styles.Body));
            return;
        }
        var closed = rows.Rows.Count(r => F.Text(r["status"]) == "closed");
        var escalated = rows.Rows.Count(r => r["escalated_month"] is not null);
        var asOf = F.Text(rows.Rows[0]["year_last_month"]);
        SectionParts.Heading(c, title, b => b.Item().Text(
            $"本年度共有 {rows.Count} 次预警（{rows.Rows.Select(r => F.Text(r["branch_id"])).Distinct().Count()} 个支部），其中 {escalated} 次因连续预警升级由党总支督办；" +
            $"{closed} 次整改后已销号，{rows.Count - closed} 次截至{(asOf.Length == 7 ? F.Month(asOf) : "年末")}仍在预警、需继续整改。", Styles.Body));
        c.Item().Table(t =>
        {
            t.Columns(3.2f, 2.4f, 1.2f, 2.2f, 5f);
            t.Header("支部", "预警期间", "月数", "督办与销号", "整改措施");
            foreach (var r in rows.Rows)
            {
                var period = $"{F.Month(F.Text(r["opened_month"]))}起";
                var lifecycle = (r["escalated_month"] is { } e ? $"{F.Month(F.Text(e))}升级督办\n" : "") +
                                (r["closed_month"] is { } closedMonth ? $"{F.Month(F.Text(closedMonth))}销号" : "仍在预警");
                var measures = r["measures"] is System.Collections.IEnumerable list and not string
                    ? string.Join("；\n", list.Cast<object>().Select(m => m.ToString())) : "—";
                t.Row(SectionParts.BranchName(x, r["branch_name"]), period, F.Count(r["months_flagged"]), lifecycle, measures);
            }
        });
    }
}
