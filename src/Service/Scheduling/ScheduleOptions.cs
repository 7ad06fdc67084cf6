namespace Analytics.Service.Scheduling;

/// <summary>When the service's jobs fire: Quartz cron expressions, in Asia/Shanghai time.</summary>
public sealed class ScheduleOptions
{
    /// <summary>Ingest the inbox (and rebuild when data changed): every 15 minutes.</summary>
    public string IngestCron { get; set; } = "0 0/15 * * * ?";

    /// <summary>Render last month's reports: 08:00 on the 1st.</summary>
    public string ReportCron { get; set; } = "0 0 8 1 * ?";

    /// <summary>
    /// Seconds a file in the inbox must stand unchanged before the service reads it (a copy still under way is left
    /// for the next look); the watcher starts an ingest once the inbox has been quiet that long.
    /// </summary>
    public int SettleSeconds { get; set; } = 3;

    /// <summary>Ledger freshness (as dbt's source freshness): hours since the last load before a warning, and an error.</summary>
    public int FreshnessWarnHours { get; set; } = 24 * 7;
    public int FreshnessErrorHours { get; set; } = 24 * 31;
}
