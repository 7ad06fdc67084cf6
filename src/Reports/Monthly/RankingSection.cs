using Analytics.Reports.Writing;
using Analytics.Reports.Charts;
using Analytics.Reports.Document;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Monthly;

/// <summary>学院排名 (school) or 支部情况 (college): a table and a bar chart of composite scores.</summary>
internal sealed class RankingSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var query = x.IsSchool ? "college_ranking" : "branch_ranking";
        var rows = x.Rows(query);
        if (rows.Count == 0) { SectionParts.Heading(c, x.IsSchool ? "二、学院排名" : "二、各支部情况", query); SectionParts.Empty(c, "本月没有数据。"); return; }
        var names = rows.Rows.Select(r => Short(F.Text(r[x.IsSchool ? "college_name" : "branch_name"]), x.IsSchool ? null : x.UnitName)).ToList();
        var plot = BarChart.Build(new BarChartData(x.IsSchool ? "各学院综合得分" : "各支部综合得分", names,
            rows.Rows.Select(r => F.Number(r["composite_score"]) ?? 0).ToList(), "综合得分", Horizontal: true));
        var height = Math.Max(130, 50 + 18 * rows.Count);
        SectionParts.Heading(c, x.IsSchool ? "二、学院排名" : "二、各支部情况", query, b => b.Item().Drawing("ranking", height, x.Chart("ranking", plot, 500, height)));
        c.Item().Table(t =>
        {
            if (x.IsSchool)
            {
                t.Columns(1f, 4, 1.5f, 1, 1.6f, 1.6f, 1.6f, 1.4f);
                t.Header("名次", "学院", "综合得分", "等次", "参与率", "三会一课", "承诺完成", "较上月");
                foreach (var r in rows.Rows)
                    t.Row(F.Text(r["rank"]), F.Text(r["college_name"]), F.Score(r["composite_score"]), F.Text(r["grade"]), F.Percent(r["participation_rate"]),
                        F.Percent(r["org_life_compliance"]), F.Percent(r["pledge_completion"]), Delta(r["composite_change"]));
            }
            else
            {
                t.Columns(4, 1, 1.1f, 1.5f, 1, 1.4f, 1.6f, 1.6f, 1.6f);
                t.Header("支部", "类别", "党员", "综合得分", "等次", "同类排名", "参与率", "出勤率", "三会一课");
                foreach (var r in rows.Rows)
                    t.Row(F.Text(r["branch_name"]), F.Text(r["category"]), F.Count(r["n_active_members"]), F.Score(r["composite_score"]), F.Text(r["grade"]),
                        $"{F.Text(r["rank_among_peers"])}/{F.Text(r["n_peers"])}", F.Percent(r["participation_rate"]), F.Percent(r["attendance_rate"]), F.Percent(r["org_life_compliance"]));
            }
        });

    }

    private static string Delta(object? change) => change is null ? "—" : F.Change(change, 0d, false);

    /// <summary>Chart labels drop what every name shares: suffixes, and in a college's report the college's name.</summary>
    private static string Short(string name, string? college)
    {
        if (college is not null) name = name.Replace(college.Replace("党总支", ""), "");
        return name.Replace("党总支", "").Replace("党支部", "").Replace("学院", "");
    }
}
