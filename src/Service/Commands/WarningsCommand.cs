using Analytics.Service.Cli;
using Analytics.Service.Stages;
using Analytics.Warehouse;

namespace Analytics.Service.Commands;

/// <summary>
/// <c>analytics warnings [--all]</c>: the open warnings (closed ones too with --all), oldest first: the branch, since
/// when, months flagged, whether escalated, the layers and latest reasons, and every alert sent about it.
/// </summary>
public static class WarningsCommand
{
    public static int Run(AnalyticsSettings settings, TimeProvider clock, TextWriter output, bool all)
    {
        using var connection = new Pipeline(settings, clock).OpenWarehouse();
        var warnings = connection.Query($"""
            select w.warning_id, w.branch_id, coalesce(b.unit_name, w.branch_id), coalesce(c.unit_name, ''), w.opened_month, w.last_flagged_month,
                w.months_flagged, coalesce(w.escalated_month, ''), coalesce(w.closed_month, ''), w.status, array_to_string(w.layers, '+'),
                array_to_string(w.reasons, '；'),
                coalesce((select string_agg(a.month_id || ' ' || a.kind, ', ' order by a.alert_id) from ops.alerts as a where a.warning_id = w.warning_id), '')
            from ops.warnings as w
            left join core.org_units as b on b.unit_id = w.branch_id
            left join core.org_units as c on c.unit_id = w.college_id
            {(all ? "" : "where w.status = 'open'")}
            order by w.opened_month, w.branch_id
            """, r => Enumerable.Range(0, 13).Select(i => r.GetStringOrNull(i) ?? "").ToArray());
        if (warnings.Count == 0)
        {
            output.WriteLine(all ? "No warning has been raised yet (analytics flag raises them)." : "No open warning.");
            return 0;
        }
        var table = new TextTable("branch", "college", "since", "last flagged", "months", "escalated", "status", "layers", "alerts sent");
        foreach (var w in warnings) table.Add($"{w[1]} {w[2]}", w[3], w[4], w[5], w[6], w[7], w[9] == "open" ? "open" : $"closed {w[8]}", w[10], w[12]);
        output.Write(table);
        output.WriteLine($"{warnings.Count(w => w[9] == "open")} open warning(s); latest reasons:");
        foreach (var w in warnings.Where(w => w[9] == "open")) output.WriteLine($"  {w[1]} {w[2]}: {w[11]}");
        return 0;
    }
}
