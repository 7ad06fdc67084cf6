using System.Globalization;
using Analytics.Reports.Document;
using Analytics.Reports.Writing;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Monthly;

/// <summary>
/// 综述: what a reader of page 1 needs in a minute — the unit's grade and its change with the reason, where a college
/// stands among the colleges, who rose or fell most and why, the branches under warning and for how long, and the one
/// or two things to do this month (the 整改措施 of the most common warning reasons). Every figure is one the tables
/// after it show, from the same column and in the same format.
/// </summary>
internal sealed class SummarySection : IReportSection
{
    // The components of the score a change is explained by (the columns the summary queries return with _change).
    private static readonly string[] Components = ["participation_rate", "attendance_rate", "org_life_compliance_3m", "pledge_coverage", "pledge_progress"];

    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var kpis = x.Rows("kpis");
        SectionParts.Heading(c, "综述");
        if (kpis.Count == 0 || F.Text(kpis.Rows[0]["month_id"]) != x.Period) { SectionParts.Empty(c, "本月没有数据。"); return; }
        var now = kpis.Rows[0];
        var before = kpis.Count > 1 ? kpis.Rows[1] : null;
        var units = x.Rows("summary_units").Rows;
        // Before the early warning has run there is no warning to speak of (the 预警支部 section says so).
        var hasFlags = x.Queries.HasTable("marts", "branch_flags");
        var flagged = hasFlags ? x.Rows("flagged_branches").Rows : [];
        var actions = hasFlags ? x.Rows("summary_actions").Rows : [];

        var paragraphs = new List<string> { Standing(x, now, before) };
        if (x.IsSchool) paragraphs.Add(Movers(x, units, "学院"));
        else if (units.Count > 0) paragraphs.Add(Branches(units));
        if (hasFlags) paragraphs.Add(Warnings(flagged));
        paragraphs.Add(Actions(actions, x.IsSchool));
        foreach (var p in paragraphs.Where(p => p.Length > 0)) c.Item().Text(p, Styles.Body);
    }

    /// <summary>The unit's score, grade and change, why it changed, and for a college its place among the colleges.</summary>
    private static string Standing(ReportContext x, Dictionary<string, object?> now, Dictionary<string, object?>? before)
    {
        var who = x.IsSchool ? "全校" : x.UnitName;
        var text = $"{F.Month(x.Period)}，{who}{x.Label("composite_score")} {F.Score(now["composite_score"])}，等次“{F.Text(now["grade"])}”";
        if (before is not null && F.Number(now["composite_score"]) is { } a && F.Number(before["composite_score"]) is { } b)
        {
            var delta = Math.Round(a - b, 1);
            text += delta == 0 ? "，与上月持平" : $"，较上月{(delta > 0 ? "上升" : "下降")} {Math.Abs(delta).ToString("0.0", CultureInfo.InvariantCulture)} 分";
            var reason = Driver(x, Components.ToDictionary(k => k, k => Delta(now[k], before[k])), delta);
            if (reason is not null) text += $"，主要因为{reason}";
        }
        if (!x.IsSchool)
        {
            var standing = x.Rows("college_standing").Rows.FirstOrDefault();
            if (standing is not null)
                text += $"；在全校 {F.Count(standing["n_colleges"])} 个学院中排第 {F.Count(standing["rank_among_peers"])} 位，全校为 {F.Score(standing["school_score"])}";
        }
        return text + "。";
    }

    /// <summary>The colleges that rose and fell most this month, each with the component that moved most.</summary>
    private static string Movers(ReportContext x, IReadOnlyList<Dictionary<string, object?>> units, string noun)
    {
        var changed = units.Where(u => F.Number(u["composite_change"]) is not null).ToList();
        if (changed.Count == 0) return "";
        var up = changed.MaxBy(u => F.Number(u["composite_change"])!.Value)!;
        var down = changed.MinBy(u => F.Number(u["composite_change"])!.Value)!;
        string Move(Dictionary<string, object?> u)
        {
            var delta = Math.Round(F.Number(u["composite_change"])!.Value, 1);
            var reason = Driver(x, Components.ToDictionary(k => k, k => F.Number(u[k + "_change"])), delta);
            return $"{u["unit_name"]}（{(delta >= 0 ? "+" : "-")}{Math.Abs(delta).ToString("0.0", CultureInfo.InvariantCulture)} 分{(reason is null ? "" : "，" + reason)}）";
        }
        var lowest = units.Where(u => F.Text(u["grade"]) is "一般" or "差").Select(u => $"{u["unit_name"]}（{F.Score(u["composite_score"])}）").ToList();
        var text = F.Number(up["composite_change"]) > 0 ? $"各{noun}中，上升最多的是{Move(up)}" : $"各{noun}均未上升";
        if (F.Number(down["composite_change"]) < 0) text += $"，下降最多的是{Move(down)}";
        text += lowest.Count == 0 ? $"；没有{noun}被评为“一般”或“差”。" : $"；评为“一般”或“差”的{noun}：{string.Join("、", lowest)}。";
        return text;
    }

    /// <summary>A college's branches by grade, and the lowest one.</summary>
    private static string Branches(IReadOnlyList<Dictionary<string, object?>> units)
    {
        var byGrade = new[] { "好", "较好", "一般", "差" }.Select(g => (g, n: units.Count(u => F.Text(u["grade"]) == g))).Where(t => t.n > 0);
        var lowest = units.MinBy(u => F.Number(u["composite_score"]) ?? double.MaxValue)!;
        return $"{units.Count} 个支部中，" + string.Join("、", byGrade.Select(t => $"“{t.g}”{t.n} 个")) +
               $"；得分最低的是{lowest["unit_name"]}（{F.Score(lowest["composite_score"])}，{F.Text(lowest["grade"])}）。";
    }

    private static string Warnings(IReadOnlyList<Dictionary<string, object?>> flagged)
    {
        if (flagged.Count == 0) return "本月没有支部处于预警。";
        var longest = flagged.MaxBy(f => F.Number(f["months_flagged"]) ?? 0)!;
        var months = F.Number(longest["months_flagged"]) ?? 1;
        return $"本月 {flagged.Count} 个支部处于预警" + (months > 1
            ? $"，其中{longest["branch_name"]}已连续 {months.ToString("0", CultureInfo.InvariantCulture)} 个月，应由党总支督办。"
            : "，均为本月新出现。");
    }

    /// <summary>The one or two things to do: the measures of the warning reasons most branches share.</summary>
    private static string Actions(IReadOnlyList<Dictionary<string, object?>> actions, bool school)
    {
        if (actions.Count == 0) return "";
        var top = actions.Take(school ? 2 : 3).Select(a =>
            $"{a["measure"]}（{F.Count(a["n_branches"])} 个支部，{F.Count(a["days"])} 日内）");
        return "本月重点：" + string.Join("；", top) + "。";
    }

    /// <summary>The component whose change explains most of the score's move, in words; none when nothing moved.</summary>
    private static string? Driver(ReportContext x, Dictionary<string, double?> changes, double scoreDelta)
    {
        var moved = changes.Where(c => c.Value is { } v && Math.Abs(v) >= 0.005 && Math.Sign(v) == Math.Sign(scoreDelta)).ToList();
        if (moved.Count == 0 || scoreDelta == 0) return null;
        var (key, value) = moved.MaxBy(c => Math.Abs(c.Value!.Value));
        return $"{x.Label(key)}{(value > 0 ? "上升" : "下降")} {Math.Abs(value!.Value * 100).ToString("0.0", CultureInfo.InvariantCulture)} 个百分点";
    }

    private static double? Delta(object? now, object? before) =>
        F.Number(now) is { } a && F.Number(before) is { } b ? a - b : null;
}
