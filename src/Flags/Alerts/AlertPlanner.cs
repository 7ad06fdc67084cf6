using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Flags.Alerts;

/// <summary>
/// Turns the flags into warnings (ops.warnings, derived anew from the whole flag history each run) and decides which
/// alerts go out, recording each in ops.alerts in the same step so that a re-run never repeats one:
/// <list type="bullet">
/// <item>the first run announces the state of the latest month: every open warning gets its first alert, whatever its
/// history (with its months under warning), and its escalation when it is old enough;</item>
/// <item>later runs catch up every month since the last one alerted: openings, escalations and closings of each, and the
/// monthly reminder of the latest month;</item>
/// <item>a reminder, escalation or closing is only sent for a warning whose first alert went out.</item>
/// </list>
/// </summary>
public sealed class AlertPlanner(DuckDBConnection warehouse, TimeProvider clock, AlertOptions? options = null)
{
    private readonly AlertOptions _options = options ?? new AlertOptions();

    public IReadOnlyList<Alert> Plan()
    {
        var history = warehouse.Query("""
            select branch_id, college_id, month_id, is_flagged, is_break_month, layers, coalesce(reason_topics, []), coalesce(reasons, [])
            from marts.branch_flags order by branch_id, month_id
            """, r => new FlaggedMonth(r.GetString(0), r.GetStringOrNull(1), r.GetString(2), r.GetBoolean(3), r.GetBoolean(4),
                Strings(r.GetValue(5)), Strings(r.GetValue(6)), Strings(r.GetValue(7))));
        if (history.Count == 0) return [];
        var latest = history.Max(h => h.MonthId)!;
        var (warnings, events) = WarningLifecycle.Derive(history, _options.EscalateAfterMonths, _options.CloseAfterMonths);
        StoreWarnings(warnings);

        var sent = warehouse.Query("select warning_id, month_id, kind from ops.alerts where warning_id is not null",
            r => (r.GetString(0), r.GetString(1), r.GetString(2))).ToHashSet();
        var watermark = warehouse.Scalar<string>("select max(month_id) from ops.alerts where warning_id is not null");
        var opened = sent.Where(s => s.Item3 == WarningEvent.Open).Select(s => s.Item1).ToHashSet();

        var due = new List<WarningEvent>();
        if (watermark is null)
        {
            foreach (var w in warnings.Where(w => w.IsOpen && w.LastFlaggedMonth == latest))
            {
                due.Add(new WarningEvent(w, latest, WarningEvent.Open));
                if (w.EscalatedMonth is not null) due.Add(new WarningEvent(w, latest, WarningEvent.Escalate));
            }
        }
        else
        {
            due.AddRange(events.Where(e => string.CompareOrdinal(e.MonthId, watermark) > 0 && e.Kind != WarningEvent.Reminder));
            due.AddRange(events.Where(e => e.MonthId == latest && e.Kind == WarningEvent.Reminder));
        }

        var alerts = new List<Alert>();
        var nextId = (warehouse.Scalar<int?>("select max(alert_id) from ops.alerts") ?? 0) + 1;
        var today = BusinessClock.Today(clock);
        // What the alerts quote, read once for every month that has one due (a large university has hundreds).
        var months = due.Select(e => e.MonthId).Distinct().ToList();
        var facts = Facts(months);
        var overdue = OverdueMeetings(months);
        var measures = warehouse.Query("select topic, measure, days from core.remediation_measures", r => (Topic: r.GetString(0), Text: r.GetString(1), Days: r.GetInt32(2)));
        foreach (var e in due.OrderBy(e => e.MonthId, StringComparer.Ordinal).ThenBy(e => Order(e.Kind)).ThenBy(e => e.Warning.BranchId, StringComparer.Ordinal))
        {
            var w = e.Warning;
            if (sent.Contains((w.WarningId, e.MonthId, e.Kind))) continue;
            if (e.Kind != WarningEvent.Open && !opened.Contains(w.WarningId)) continue;
            // The first alert of a month already says how long the branch has been flagged.
            if (e.Kind == WarningEvent.Reminder && sent.Contains((w.WarningId, e.MonthId, WarningEvent.Open))) continue;
            var alert = Compose(nextId++, e, today, facts[(w.BranchId, e.MonthId)], overdue, measures);
            warehouse.Execute("insert into ops.alerts values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                alert.AlertId, alert.BranchId, alert.MonthId, alert.Topics.ToList(), alert.Reasons.ToList(), alert.Score, alert.ModelVersion,
                clock.GetUtcNow(), alert.Kind, alert.WarningId, alert.Audience);
            sent.Add((w.WarningId, e.MonthId, e.Kind));
            if (e.Kind == WarningEvent.Open) opened.Add(w.WarningId);
            alerts.Add(alert);
        }
        return alerts;
    }

    private static int Order(string kind) => kind switch
    {
        WarningEvent.Open => 0,
        WarningEvent.Reminder => 1,
        WarningEvent.Escalate => 2,
        _ => 3,
    };

    private sealed record FlagFacts(string Name, string? College, double Score, double Threshold, string Version,
        IReadOnlyList<string> Layers, IReadOnlyList<string> Topics, IReadOnlyList<string> Reasons);

    private Dictionary<(string Branch, string Month), FlagFacts> Facts(IReadOnlyList<string> months) => warehouse.Query($"""
        select f.branch_id, f.month_id, f.branch_name, u.unit_name, f.score, f.threshold, f.model_version, f.layers,
            coalesce(f.reason_topics, []), coalesce(f.reasons, [])
        from marts.branch_flags as f
        left join core.org_units as u on u.unit_id = f.college_id
        where f.month_id in ({string.Join(", ", months.Select(SqlExtensions.Literal).DefaultIfEmpty("''"))})
        """, r => (Key: (r.GetString(0), r.GetString(1)), Facts: new FlagFacts(r.GetString(2), r.GetStringOrNull(3), r.GetDouble(4), r.GetDouble(5), r.GetString(6),
            Strings(r.GetValue(7)), Strings(r.GetValue(8)), Strings(r.GetValue(9))))).ToDictionary(x => x.Key, x => x.Facts);

    /// <summary>The alert for one event: the branch's figures that month, its overdue meetings and the measures to take.</summary>
    private static Alert Compose(int id, WarningEvent e, DateOnly today, FlagFacts flag, ILookup<(string, string), string> overdueMeetings,
        IReadOnlyList<(string Topic, string Text, int Days)> catalogue)
    {
        var w = e.Warning;
        // A closing notice speaks of the warning as it was; the others of the month's own figures.
        var (layers, topics, reasons) = e.Kind == WarningEvent.Close || flag.Reasons.Count == 0 ? (w.Layers, w.Topics, w.Reasons) : (flag.Layers, flag.Topics, flag.Reasons);
        var measures = e.Kind == WarningEvent.Close ? [] : catalogue
            .Where(m => topics.Contains(m.Topic)).OrderBy(m => topics.ToList().IndexOf(m.Topic))
            .Select(m => new Measure(m.Text, today.AddDays(m.Days))).ToList();
        var overdue = e.Kind == WarningEvent.Close ? [] : overdueMeetings[(w.BranchId, e.MonthId)].ToList();
        var months = e.Kind == WarningEvent.Open && w.OpenedMonth == e.MonthId ? 1 : MonthsBetween(w.OpenedMonth, e.Kind == WarningEvent.Close ? w.LastFlaggedMonth : e.MonthId);
        return new Alert(id, e.Kind, w.WarningId, w.BranchId, flag.Name, flag.College, e.MonthId, w.OpenedMonth, months, layers,
            flag.Score, flag.Threshold, flag.Version, topics, reasons, overdue, measures);
    }

    /// <summary>Required meetings not held in each month's last three teaching months: type and period, in Chinese.</summary>
    private ILookup<(string Branch, string Month), string> OverdueMeetings(IReadOnlyList<string> months) => warehouse.Query($"""
        select p.branch_id, w.month_id, p.activity_type, p.period, p.period_start
        from intermediate.int_org_life_periods as p
        join intermediate.int_teaching_windows as w on w.window_month_id = strftime(p.period_end, '%Y-%m')
        where w.month_id in ({string.Join(", ", months.Select(SqlExtensions.Literal).DefaultIfEmpty("''"))}) and p.is_applicable and not p.is_met
        order by p.period_start, p.activity_type
        """, r => (Key: (r.GetString(0), r.GetString(1)), Text: $"{r.GetString(2)}（{Period(r.GetString(3), DateOnly.FromDateTime(r.GetDateTime(4)))}）"))
        .ToLookup(x => x.Key, x => x.Text);

    private static string Period(string period, DateOnly start) => period switch
    {
        "quarter" => $"{start.Year}年第{(start.Month - 1) / 3 + 1}季度",
        "year" => $"{start.Year}年度",
        _ => $"{start.Year}年{start.Month}月",
    };

    /// <summary>Months from one month to another, both counted.</summary>
    private static int MonthsBetween(string from, string to)
    {
        var (a, b) = (Month.Parse(from), Month.Parse(to));
        return (b.Year - a.Year) * 12 + b.Number - a.Number + 1;
    }

    private void StoreWarnings(IReadOnlyList<Warning> warnings)
    {
        warehouse.Execute("delete from ops.warnings");
        using (var appender = warehouse.CreateAppender("ops", "warnings"))
        foreach (var w in warnings)
        {
            var row = appender.CreateRow().AppendValue(w.WarningId).AppendValue(w.BranchId).AppendValue(w.CollegeId).AppendValue(w.OpenedMonth)
                .AppendValue(w.LastFlaggedMonth).AppendValue(w.MonthsFlagged);
            row = w.EscalatedMonth is null ? row.AppendNullValue() : row.AppendValue(w.EscalatedMonth);
            row = w.ClosedMonth is null ? row.AppendNullValue() : row.AppendValue(w.ClosedMonth);
            row.AppendValue(w.IsOpen ? "open" : "closed").AppendValue(w.Layers.ToList()).AppendValue(w.Topics.ToList()).AppendValue(w.Reasons.ToList()).EndRow();
        }
        PublishWarnings(warehouse);
    }

    /// <summary>
    /// The warnings' lifecycle for reports and evaluators (the snapshot holds marts only): opened, escalated, closed.
    /// Published after every flag run too, so that the mart exists wherever the flags do.
    /// </summary>
    public static void PublishWarnings(DuckDBConnection warehouse)
    {
        warehouse.Execute($"""
            create or replace table {WarningsMart} as
            select w.warning_id, w.branch_id, names.branch_name, w.college_id, w.opened_month, w.last_flagged_month, w.months_flagged,
                w.escalated_month, w.closed_month, w.status, w.layers, w.topics, w.reasons
            from ops.warnings as w
            left join (select branch_id, any_value(branch_name) as branch_name from {Flagger.FlagsTable} group by all) as names using (branch_id)
            order by w.branch_id, w.opened_month
            """);
    }

    /// <summary>The warnings as a mart: one row per warning, with its lifecycle (what the year-end 整改情况 reads).</summary>
    public const string WarningsMart = "marts.branch_warnings";

    private static List<string> Strings(object value) => value is System.Collections.IEnumerable e and not string
        ? e.Cast<object?>().Select(v => v?.ToString() ?? "").ToList()
        : [];
}
