using Analytics.Reports.Writing;
using Analytics.Reports.Charts;
using Analytics.Reports.Document;
using SkiaSharp;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Monthly;

/// <summary>预警支部: the branches the model flags, with its reasons.</summary>
internal sealed class FlagsSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        if (!x.Queries.HasTable("marts", "branch_flags"))
        {
            SectionParts.Heading(c, "三、预警支部", "flagged_branches", b => b.Item().Text("后进支部预警尚未运行（analytics flag），本报告暂无预警结果。", Styles.Body));
            return;
        }
        var rows = x.Rows("flagged_branches");
        if (rows.Count == 0)
        {
            SectionParts.Heading(c, "三、预警支部", "flagged_branches", b => b.Item().Text("本月没有支部被判定为可能落后。", Styles.Body));
            return;
        }
        SectionParts.Heading(c, "三、预警支部", "flagged_branches", b => b.Item().Text(
            $"本月共 {rows.Count} 个支部被判定为可能落后（模型 {F.Text(rows.Rows[0]["model_version"])}，阈值 {F.Score(F.Number(rows.Rows[0]["threshold"]) * 100)}%）。", Styles.Body));
        c.Item().Table(t =>
        {
            t.Columns(3.2f, 1.1f, 6);
            t.Header("支部", "得分", "原因");
            foreach (var r in rows.Rows)
            {
                var reasons = r["reasons"] is System.Collections.IEnumerable e ? string.Join("；\n", e.Cast<object>()) : "—";
                t.Row(F.Text(r["branch_name"]), F.Percent(r["score"]), reasons);
            }
        });
    }
}
