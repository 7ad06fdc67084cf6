using Analytics.Reports.Writing;
using Analytics.Reports.Document;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Monthly;

/// <summary>主要指标: the month's figures beside last month's.</summary>
internal sealed class KpiSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var rows = x.Rows("kpis");
        if (rows.Count == 0 || F.Text(rows.Rows[0]["month_id"]) != x.Period) { SectionParts.Heading(c, "一、主要指标"); SectionParts.Empty(c, "本月没有数据。"); return; }
        var now = rows.Rows[0];
        var before = rows.Count > 1 ? rows.Rows[1] : null;
        SectionParts.Heading(c, "一、主要指标");
        c.Item().Text($"{x.Label("composite_score")} {F.Score(now["composite_score"])}（{F.Text(now["grade"])}），较上月 {F.Change(now["composite_score"], before?["composite_score"], false)}。在册党员 {F.Count(now["n_active_members"])} 名。", Styles.Body);
        c.Item().Table(t =>
        {
            t.Columns(3, 2, 2, 2);
            t.Header("指标", "本月", "上月", "变化");
            // The components of the score first, under their catalogue names, then the year-to-date figures beside them.
            void Share(string key) => t.Row(x.Label(key), F.Percent(now[key]), F.Percent(before?[key]), F.Change(now[key], before?[key], true));
            Share("participation_rate");
            Share("attendance_rate");
            Share("org_life_compliance_3m");
            Share("org_life_compliance");
            Share("pledge_coverage");
            Share("pledge_completion");
            Share("pledge_progress");
            Share("activity_coverage");
            t.Row("活动受众（人次）", F.Count(now["reach"]), F.Count(before?["reach"]), "");
            t.Row("合作单位（年度累计）", F.Count(now["n_partners"]), F.Count(before?["n_partners"]), "");
            t.Row("宣传稿件 / 阅读量", $"{F.Count(now["n_publicity_items"])} / {F.Count(now["n_publicity_reads"])}", $"{F.Count(before?["n_publicity_items"])} / {F.Count(before?["n_publicity_reads"])}", "");
        });
    }
}
