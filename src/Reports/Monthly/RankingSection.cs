using Analytics.Reports.Writing;
using Analytics.Reports.Charts;
using Analytics.Reports.Document;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Monthly;

/// <summary>
/// 学院排名 (school) or 支部情况 (college): a bar chart of composite scores, best first, with the grade lines and each
/// bar's score, the units graded 一般 or 差 in kiln red; then the table in the same order.
/// </summary>
internal sealed class RankingSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var query = x.IsSchool ? "college_ranking" : "branch_ranking";
        var rows = x.Rows(query);
        if (rows.Count == 0) { SectionParts.Heading(c, x.IsSchool ? "二、学院排名" : "二、各支部情况"); SectionParts.Empty(c, "本月没有数据。"); return; }
        var ordered = rows.Rows.OrderByDescending(r => F.Number(r["composite_score"]) ?? 0).ThenBy(r => F.Text(r[x.IsSchool ? "college_id" : "branch_id"]), StringComparer.Ordinal).ToList();
        var names = ordered.Select(r => Short(F.Text(r[x.IsSchool ? "college_name" : "branch_name"]), x.IsSchool ? null : x.UnitName)).ToList();
        var scores = ordered.Select(r => F.Number(r["composite_score"]) ?? 0).ToList();
        var bands = x.Rows("grade_bands").Rows.Where(b => F.Number(b["min_score"]) > 0)
            .Select(b => (Value: F.Number(b["min_score"])!.Value, Label: $"{F.Text(b["grade"])} {F.Score(b["min_score"])}")).ToList();
        // The axis starts ten points below the lowest score or grade line shown, so that differences that matter show.
        var from = Math.Max(0, Math.Floor((Math.Min(scores.DefaultIfEmpty(0).Min(), bands.Select(b => b.Value).DefaultIfEmpty(100).Min()) - 10) / 10) * 10);
        var plot = BarChart.Build(new BarChartData(x.IsSchool ? "各学院月度综合得分" : "各支部月度综合得分", names, scores, "月度综合得分", Horizontal: true,
            Highlighted: ordered.Select(r => F.Text(r["grade"]) is "一般" or "差").ToList(), Lines: bands, ValueFrom: from, ValueFormat: "0.0"));
        var height = Math.Max(130, 50 + 18 * rows.Count);
        SectionParts.Heading(c, x.IsSchool ? "二、学院排名" : "二、各支部情况", b => b.Item().Drawing("ranking", height, x.Chart("ranking", plot, 500, height)));
        c.Item().Table(t =>
        {
            if (x.IsSchool)
            {
                t.Columns(1f, 4, 1.5f, 1, 1.6f, 1.6f, 1.6f, 1.4f);
                t.Header("名次", "学院", "综合得分", "等次", "参与率", "三会一课", "承诺完成", "较上月");
                foreach (var r in ordered)
                    t.Row(F.Text(r["rank"]), F.Text(r["college_name"]), F.Score(r["composite_score"]), F.Text(r["grade"]), F.Percent(r["participation_rate"]),
                        F.Percent(r["org_life_compliance"]), F.Percent(r["pledge_completion"]), Delta(r["composite_change"]));
            }
            else
            {
                // The college is the page's subject: branch names without it (学生第二党支部), so none wraps.
                t.Columns(3.2f, 1, 1.1f, 1.5f, 1, 1.9f, 1.6f, 1.6f, 1.6f);
                t.Header("支部", "类别", "党员", "综合得分", "等次", "同类排名", "参与率", "出勤率", "三会一课");
                foreach (var r in ordered)
                    t.Row(SectionParts.BranchName(x, r["branch_name"]), F.Text(r["category"]), F.Count(r["n_active_members"]), F.Score(r["composite_score"]), F.Text(r["grade"]),
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
