using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Flags.Alerts;

/// <summary>
/// Turns the latest month's flags into alerts, once per branch, month and reason topic: a flag that persists from
/// the month before alerts only for reasons it did not have then; a branch that recovers and lags again alerts anew.
/// New alerts are recorded in ops.alerts in the same step, so a re-run never repeats one.
/// </summary>
public sealed class AlertPlanner(DuckDBConnection warehouse, TimeProvider clock)
{
    public IReadOnlyList<Alert> Plan()
    {
        var latest = warehouse.Scalar<string>("select max(month_id) from marts.branch_flags where is_flagged");
        if (latest is null) return [];
        var rows = warehouse.Query("""
            with current as (select * from marts.branch_flags where month_id = ? and is_flagged),
            previous as (
                select branch_id, reason_topics from marts.branch_flags
                where is_flagged and month_id = strftime(cast(? || '-01' as date) - interval 1 month, '%Y-%m')
            ),
            alerted as (
                select branch_id, list_distinct(flatten(list(topics))) as topics from ops.alerts where month_id = ? group by branch_id
            )
            select c.branch_id, c.branch_name, u.unit_name as college_name, c.score, c.threshold, c.model_version,
                c.reasons, c.reason_topics, coalesce(p.reason_topics, []) as previous_topics, coalesce(a.topics, []) as alerted_topics
            from current as c
            left join previous as p using (branch_id)
            left join alerted as a using (branch_id)
            left join core.org_units as u on u.unit_id = c.college_id
            order by c.score desc, c.branch_id
            """, r => (
                BranchId: r.GetString(0), BranchName: r.GetString(1), College: r.GetStringOrNull(2), Score: r.GetDouble(3), Threshold: r.GetDouble(4),
                Version: r.GetString(5), Reasons: Strings(r.GetValue(6)), Topics: Strings(r.GetValue(7)), Previous: Strings(r.GetValue(8)), Alerted: Strings(r.GetValue(9))),
            latest, latest, latest);

        var alerts = new List<Alert>();
        var nextId = (warehouse.Scalar<int?>("select max(alert_id) from ops.alerts") ?? 0) + 1;
        foreach (var row in rows)
        {
            var fresh = row.Topics.Select((topic, i) => (Topic: topic, Reason: row.Reasons[i]))
                .Where(t => !row.Previous.Contains(t.Topic) && !row.Alerted.Contains(t.Topic)).ToList();
            if (fresh.Count == 0) continue;
            var alert = new Alert(nextId++, row.BranchId, row.BranchName, row.College, latest, row.Score, row.Threshold, row.Version,
                fresh.Select(f => f.Topic).ToList(), fresh.Select(f => f.Reason).ToList());
            warehouse.Execute("insert into ops.alerts values (?, ?, ?, ?, ?, ?, ?, ?)",
                alert.AlertId, alert.BranchId, alert.MonthId, alert.Topics.ToList(), alert.Reasons.ToList(), alert.Score, alert.ModelVersion, clock.GetUtcNow());
            alerts.Add(alert);
        }
        return alerts;
    }

    private static List<string> Strings(object value) => value is System.Collections.IEnumerable e and not string
        ? e.Cast<object?>().Select(v => v?.ToString() ?? "").ToList()
        : [];
}
