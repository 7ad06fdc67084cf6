using System.Globalization;
using Analytics.Warehouse;
using Analytics.Service.Cli;
using Analytics.Service.Stages;
using Quartz;

namespace Analytics.Service.Commands;

/// <summary><c>analytics status</c>: how the service and the data stand, at a glance.</summary>
public static class StatusCommand
{
    public static int Run(AnalyticsSettings settings, TimeProvider clock, TextWriter output)
    {
        if (!File.Exists(settings.Warehouse))
            throw new InvalidOperationException($"No warehouse at {Path.GetFullPath(settings.Warehouse)} yet: run 'analytics ingest' (or 'analytics demo').");
        using var connection = new Pipeline(settings, clock).OpenWarehouse();
        var now = clock.GetUtcNow();
        string Local(DateTimeOffset t) => BusinessClock.Local(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        output.WriteLine($"Warehouse {Path.GetFullPath(settings.Warehouse)} (schema version {WarehouseDatabase.SchemaVersion(connection)})");
        output.WriteLine($"Snapshot  {Path.GetFullPath(settings.Snapshot)}" + (File.Exists(settings.Snapshot) ? $" (published {Local(File.GetLastWriteTimeUtc(settings.Snapshot))})" : " (not published yet)"));

        output.WriteLine();
        var jobs = new TextTable("job", "last run", "trigger", "outcome", "for", "what it did / error");
        foreach (var job in new[] { "ingest", "build", "reports" })
        {
            var last = connection.Query("select started_at, trigger, outcome, period, coalesce(error, counts) from ops.job_runs where job = ? order by run_id desc limit 1",
                r => (Started: new DateTimeOffset(DateTime.SpecifyKind(Convert.ToDateTime(r.GetValue(0), CultureInfo.InvariantCulture), DateTimeKind.Utc)),
                    Trigger: r.GetString(1), Outcome: r.GetString(2), Period: r.GetStringOrNull(3), Detail: r.GetStringOrNull(4)), job);
            if (last.Count == 0) jobs.Add(job, "never", "", "", "", "");
            else jobs.Add(job, Local(last[0].Started), last[0].Trigger, last[0].Outcome, last[0].Period, last[0].Detail);
        }
        output.Write(jobs);

        output.WriteLine();
        var freshness = new TextTable("ledger", "last loaded", "age (h)", "freshness");
        foreach (var (kind, last) in connection.Query("select kind, max(finished_at) from ops.ingested_files where status = 'loaded' group by kind order by kind",
                     r => (r.GetString(0), new DateTimeOffset(DateTime.SpecifyKind(Convert.ToDateTime(r.GetValue(1), CultureInfo.InvariantCulture), DateTimeKind.Utc)))))
        {
            var age = (now - last).TotalHours;
            var state = age >= settings.Schedule.FreshnessErrorHours ? "ERROR" : age >= settings.Schedule.FreshnessWarnHours ? "warn" : "ok";
            freshness.Add(kind, Local(last), Math.Round(age).ToString(CultureInfo.InvariantCulture), state);
        }
        output.Write(freshness);
        output.WriteLine($"Freshness: warn after {settings.Schedule.FreshnessWarnHours} h, error after {settings.Schedule.FreshnessErrorHours} h without a load.");

        output.WriteLine();
        var today = BusinessClock.Today(clock);
        var late = new Analytics.Reports.Writing.ReportQuery(connection, settings.Queries)
            .Run("ledger_timeliness", Month.Of(today).ToString(), "school", today);
        if (late.Count == 0) output.WriteLine($"On time (按时报送): every college has sent its monthly ledgers due by {today:yyyy-MM-dd}.");
        else
        {
            output.WriteLine($"Late (按时报送) as of {today:yyyy-MM-dd}: {late.Rows.Select(r => r["college_id"]).Distinct().Count()} college(s)");
            var table = new TextTable("college", "ledger", "last month sent", "months missing", "days overdue");
            foreach (var r in late.Rows)
                table.Add($"{r["college_id"]} {r["college_name"]}", $"{r["kind"]} ({r["label"]})", r["last_month_sent"] ?? "never", r["months_missing"], r["days_overdue"]);
            output.Write(table);
        }

        var quarantined = connection.Scalar<long>("select count(*) from (select distinct file_id, row_no from ops.quarantine)");
        var waiting = Directory.Exists(settings.Ingest.InboxDir) ? Directory.GetFiles(settings.Ingest.InboxDir).Length : 0;
        var rejected = Directory.Exists(settings.Ingest.RejectedDir) ? Directory.GetFiles(settings.Ingest.RejectedDir).Count(Analytics.Ingest.Loading.InboxFiles.IsKeptLedger) : 0;
        output.WriteLine();
        output.WriteLine($"Quarantined rows: {quarantined} (select * from ops.quarantine); files waiting in the inbox: {waiting}; rejected files: {rejected}");

        output.WriteLine();
        foreach (var (job, cron) in new[] { ("ingest", settings.Schedule.IngestCron), ("reports", settings.Schedule.ReportCron) })
        {
            var next = NextFire(cron, now);
            output.WriteLine($"Next {job}: {(next is { } n ? Local(n) + " (Asia/Shanghai)" : "never")}  [{cron}]");
        }
        return 0;
    }

    /// <summary>The next time a Quartz cron expression fires after an instant, in Asia/Shanghai time.</summary>
    public static DateTimeOffset? NextFire(string cron, DateTimeOffset after)
    {
        CronExpression expression;
        try { expression = new CronExpression(cron, BusinessClock.Zone); }
        catch (FormatException ex) { throw new ArgumentException($"'{cron}' is not a valid Quartz cron expression: {ex.Message}", ex); }
        return expression.GetNextValidTimeAfter(after);
    }
}
