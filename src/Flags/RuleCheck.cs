using System.Globalization;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Flags;

/// <summary>
/// A rule of the early warning (规则预警) that a branch breaches in a month: its figure over the last three teaching
/// months, the rule's line, and the median of the branch's peers (same category, same month) for context.
/// </summary>
public sealed record RuleCheck(string BranchId, string MonthId, string RuleId, string Label, string Topic, double Figure, double Line, long? Concerned, double? PeerMedian)
{
    /// <summary>Breached rules of every branch-month (marts.branch_rule_checks), by branch and month.</summary>
    public static Dictionary<(string Branch, string Month), List<RuleCheck>> ReadBreaches(DuckDBConnection warehouse) =>
        warehouse.Query("""
            with checks as (
                select c.*, b.category,
                    median(c.figure) over (partition by c.month_id, c.rule_id, b.category) as peer_median
                from marts.branch_rule_checks as c
                join marts.branch_month as b using (branch_id, month_id)
                where c.is_applicable
            )
            select branch_id, month_id, rule_id, rule_label, topic, figure, line, n_concerned, peer_median
            from checks where is_breached order by branch_id, month_id, rule_id
            """, r => new RuleCheck(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.GetDouble(5), r.GetDouble(6), r.IsDBNull(7) ? null : r.GetInt64(7), r.IsDBNull(8) ? null : r.GetDouble(8)))
            .GroupBy(c => (c.BranchId, c.MonthId)).ToDictionary(g => g.Key, g => g.ToList());

    /// <summary>The reason in Chinese: the branch's figure against the line, and its peers'.</summary>
    public string Sentence => RuleId switch
    {
        "no_activity" => "近三个教学月未开展任何活动",
        "grade_poor" => $"本月综合得分{Figure.ToString("0.0", CultureInfo.InvariantCulture)}，评为“差”（低于{Line.ToString("0", CultureInfo.InvariantCulture)}分）",
        "members_absent" => $"{Concerned}名党员（占{Pct(Figure)}）连续三个教学月未参加任何活动",
        "pledge_behind" => $"承诺事项完成进度仅为同类支部中位数的{Pct(Figure)}，低于警戒线{Pct(Line)}",
        "compliance_low" => $"{Label}{Pct(Figure)}，低于警戒线{Pct(Line)}" + (Concerned is > 0 ? $"，{Concerned}次应开会议未按期召开" : "") + Peers(),
        _ => $"{Label}{Pct(Figure)}，低于警戒线{Pct(Line)}" + Peers(),
    };

    private string Peers() => PeerMedian is { } m ? $"（同类支部中位数{Pct(m)}）" : "";

    private static string Pct(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
