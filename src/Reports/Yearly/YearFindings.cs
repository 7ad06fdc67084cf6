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
        var gaps = Dimensions
            .Select(d => (d, Score: D(unit, d.ScoreColumn), Middle: D(median, d.ScoreColumn)))
            .Where(x => x.Score is not null && x.Middle is not null)
            .Select(x => (x.d, Score: x.Score!.Value, Gap: x.Score!.Value - x.Middle!.Value))
            .ToList();
        foreach (var (d, score, gap) in gaps.Where(g => Math.Abs(g.Gap) >= Margin))
            (gap > 0 ? strengths : shortfalls).Add(Sentence(d, score, gap, gap > 0, unit, median) + "。");
        // Every unit has a weakest (and a strongest) dimension, even when none is far from the median: a 述职评议 always
        // names what to improve.
        if (gaps.Count > 0 && strengths.Count == 0)
        {
            var (d, score, gap) = gaps.MaxBy(g => g.Gap);
            strengths.Add("没有高于各学院中位数 " + P(Margin) + " 分以上的维度；相对最好的是" + Sentence(d, score, gap, true, unit, median) + "。");
        }
        if (gaps.Count > 0 && shortfalls.Count == 0)
        {
            var (d, score, gap) = gaps.MinBy(g => g.Gap);
            shortfalls.Add("没有低于各学院中位数 " + P(Margin) + " 分以上的维度；相对最弱的是" + Sentence(d, score, gap, false, unit, median) + "。");
        }
        if (gaps.Count == 0) return new Findings(["本年度没有评估数据。"], ["本年度没有评估数据。"]);
        return new Findings(strengths, shortfalls);
    }

    /// <summary>A dimension against the median, explained by its component furthest above (a strength) or below it.</summary>
    private static string Sentence(Dimension d, double score, double gap, bool strength,
        IReadOnlyDictionary<string, object?> unit, IReadOnlyDictionary<string, object?> median)
    {
        var components = d.Components
            .Select(c => (c.Label, Value: D(unit, c.Column), Median: D(median, c.Column)))
            .Where(c => c.Value is not null && c.Median is not null)
            .Select(c => (c.Label, Value: c.Value!.Value, Median: c.Median!.Value, Gap: c.Value!.Value - c.Median!.Value))
            .ToList();
        var key = strength ? components.OrderByDescending(c => c.Gap).FirstOrDefault() : components.OrderBy(c => c.Gap).FirstOrDefault();
        var sentence = $"{d.Name}得分 {P(score)}，" + (Math.Abs(gap) < 0.05 ? "与各学院中位数持平" : $"{(gap > 0 ? "高于" : "低于")}各学院中位数 {P(Math.Abs(gap))} 分");
        if (key.Label is not null)
            sentence += key.Gap == 0 || Math.Sign(key.Gap) != (strength ? 1 : -1)
                ? $"，其中{key.Label}{(strength ? "最好" : "最弱")}（{Pct(key.Value)}，中位数 {Pct(key.Median)}）"
                : $"，主要{(strength ? "得益于" : "差在")}{key.Label}（{Pct(key.Value)}，中位数 {Pct(key.Median)}）";
        return sentence;
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
