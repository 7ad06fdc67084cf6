using Analytics.Reports.Writing;
using Analytics.Reports.Document;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Monthly;

/// <summary>宣传影响: publicity by channel.</summary>
internal sealed class InfluenceSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var rows = x.Rows("publicity_channels");
        // With nothing to list, the section says so instead of introducing an empty table.
        SectionParts.Heading(c, "六、宣传与影响", b => b.Item().Text(rows.Count == 0 ? "本月没有宣传稿件。" : "本月各渠道的宣传稿件、阅读量和点赞数：", Styles.Body));
        if (rows.Count == 0) return;
        c.Item().Table(t =>
        {
            t.Columns(3, 2, 2, 2);
            t.Header("渠道", "稿件", "阅读量", "点赞");
            foreach (var r in rows.Rows) t.Row(F.Text(r["channel"]), F.Count(r["n_publicity_items"]), F.Count(r["n_publicity_reads"]), F.Count(r["n_publicity_likes"]));
        });
    }
}
