using Analytics.Reports.Writing;
using System.Globalization;

namespace Analytics.Reports.Yearly;

/// <summary>A dimension of the plan's year-end evaluation and the components it is the mean of.</summary>
public sealed record Dimension(string Name, string ScoreColumn, IReadOnlyList<(string Column, string Label)> Components);

/// <summary>
/// The strengths and shortfalls a year-end report states, in plain Chinese, from the figures alone: a dimension at
/// least <see cref="Margin"/> points above (below) the colleges' median is a strength (shortfall), explained by its
/// component furthest above (below) the median. The school, which has no peers, is read against its own dimensions.
/// </summary>
public static class YearFindings
{
    public const double Margin = 3;

    public static readonly IReadOnlyList<Dimension> Dimensions =
    [
        new("组织实施", "score_implementation", [("org_life_compliance_year", "“三会一课”按期完成率"), ("attendance_rate_year", "组织生活出勤率"),
            ("ledger_completeness", "台账按月记录率"), ("ledger_timeliness", "台账及时率")]),
        new("目标任务", "score_targets", [("pledge_coverage_year", "七一/八一承诺覆盖率"), ("pledge_completion_year", "承诺事项完成率"),
            ("activity_coverage_year", "品牌活动类型覆盖率")]),
        new("实际成效", "score_results", [("participation_rate_year", "党员参与率"), ("outcome_completion", "课题、竞赛、创业承诺完成率")]),
        new("社会效应", "score_social", [("reach_score", "受众覆盖达标度"), ("publicity_score", "宣传稿件达标度"), ("reads_score", "阅读量达标度"),
            ("partners_score", "合作单位达标度"), ("local_cooperation_score", "校地合作达标度")]),
    ];

    public sealed record Findings(IReadOnlyList<string> Strengths, IReadOnlyList<string> Shortfalls);

    /// <param name="unit">The college's figures by column.</param>
    /// <param name="median">The colleges' median of each figure.</param>
    public static Findings ForCollege(IReadOnlyDictionary<string, object?> unit, IReadOnlyDictionary<string, object?> median)
    {
        var strengths = new List<string>();
        var shortfalls = new List<string>();
        foreach (var d in Dimensions)
        {
            if (D(unit, d.ScoreColumn) is not { } score || D(median, d.ScoreColumn) is not { } middle) continue;
            var gap = score - middle;
            if (Math.Abs(gap) < Margin) continue;
            var components = d.Components
                .Select(c => (c.Label, Value: D(unit, c.Column), Median: D(median, c.Column)))
                .Where(c => c.Value is not null && c.Median is not null)
                .Select(c => (c.Label, Value: c.Value!.Value, Median: c.Median!.Value, Gap: c.Value!.Value - c.Median!.Value))
                .ToList();
            var key = gap > 0 ? components.OrderByDescending(c => c.Gap).FirstOrDefault() : components.OrderBy(c => c.Gap).FirstOrDefault();
            var sentence = $"{d.Name}得分 {P(score)}，{(gap > 0 ? "高于" : "低于")}各学院中位数 {P(Math.Abs(gap))} 分";
            if (key.Label is not null && Math.Sign(key.Gap) == Math.Sign(gap) && key.Gap != 0)
                sentence += $"，主要{(gap > 0 ? "得益于" : "差在")}{key.Label}（{Pct(key.Value)}，中位数 {Pct(key.Median)}）";
            (gap > 0 ? strengths : shortfalls).Add(sentence + "。");
        }
        if (strengths.Count == 0) strengths.Add($"四个维度均未高于各学院中位数 {P(Margin)} 分以上。");
        if (shortfalls.Count == 0) shortfalls.Add($"四个维度均未低于各学院中位数 {P(Margin)} 分以上。");
        return new Findings(strengths, shortfalls);
    }

    /// <summary>The school: its strongest and weakest dimension, each with its weakest component to work on.</summary>
    public static Findings ForSchool(IReadOnlyDictionary<string, object?> school)
    {
        var scored = Dimensions.Select(d => (d, Score: D(school, d.ScoreColumn))).Where(x => x.Score is not null).OrderByDescending(x => x.Score).ToList();
        if (scored.Count == 0) return new Findings(["本年度没有评估数据。"], ["本年度没有评估数据。"]);
        string Describe((Dimension d, double? Score) x, bool best)
        {
            var components = x.d.Components.Select(c => (c.Label, Value: D(school, c.Column))).Where(c => c.Value is not null).ToList();
            var pick = best ? components.OrderByDescending(c => c.Value).First() : components.OrderBy(c => c.Value).First();
            return $"{x.d.Name}得分 {P(x.Score!.Value)}，{(best ? "为四个维度中最高" : "为四个维度中最低")}；其中{pick.Label}{(best ? "最高" : "最低")}，为 {Pct(pick.Value!.Value)}。";
        }
        return new Findings([Describe(scored[0], true)], [Describe(scored[^1], false)]);
    }

    private static double? D(IReadOnlyDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var v) ? Writing.Format.Number(v) : null;

    private static string P(double points) => points.ToString("0.0", CultureInfo.InvariantCulture);
    private static string Pct(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
