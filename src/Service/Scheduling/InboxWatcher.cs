using Analytics.Ingest.Loading;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Analytics.Service.Scheduling;

/// <summary>
/// Starts an ingest soon after a file lands in the inbox, so an organiser gets feedback on a ledger within seconds
/// rather than at the next quarter-hour (which stays as the safety net: a watcher can miss events when the inbox is a
/// network share or its buffer overflows). It waits until the inbox has been quiet for the settle time, so a file
/// still being copied is not read half-way; the ingest itself leaves any file that changed within that time.
/// </summary>
public sealed class InboxWatcher(AnalyticsSettings settings, ISchedulerFactory schedulers, TextWriter log) : IHostedService, IDisposable
{
    private FileSystemWatcher? _watcher;
    private Timer? _quiet;

    /// <summary>Ledger files waiting in an inbox (temporary and hidden files left aside, as ingest leaves them).</summary>
    public static int Waiting(string inboxDir) =>
        Directory.Exists(inboxDir) ? Directory.EnumerateFiles(inboxDir).Count(InboxFiles.IsLedgerCandidate) : 0;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.Ingest.InboxDir);
        _quiet = new Timer(_ => Fire(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(settings.Ingest.InboxDir)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            IncludeSubdirectories = false,
        };
        _watcher.Created += (_, e) => Touched(e.FullPath);
        _watcher.Changed += (_, e) => Touched(e.FullPath);
        _watcher.Renamed += (_, e) => Touched(e.FullPath);
        _watcher.EnableRaisingEvents = true;
        log.WriteLine($"Watching {Path.GetFullPath(settings.Ingest.InboxDir)}: a new file is ingested once the inbox has been quiet for {settings.Schedule.SettleSeconds} s.");
        // A file the start's catch-up left as still arriving sends no event once it is complete: without this it would
        // wait for the schedule (found when a loaded machine started the service within a second of the file's copy).
        if (Waiting(settings.Ingest.InboxDir) > 0) ArmQuietPeriod();
        return Task.CompletedTask;
    }

    /// <summary>Every event restarts the quiet period: the ingest starts once nothing has changed for the settle time.</summary>
    private void Touched(string path)
    {
        if (InboxFiles.IsLedgerCandidate(path)) ArmQuietPeriod();
    }

    private void ArmQuietPeriod() =>
        _quiet?.Change(TimeSpan.FromSeconds(settings.Schedule.SettleSeconds) + TimeSpan.FromMilliseconds(500), Timeout.InfiniteTimeSpan);

    private void Fire()
    {
        try
        {
            var scheduler = schedulers.GetScheduler().GetAwaiter().GetResult();
            // The ingest job allows no concurrent run: a trigger during a run waits for it, none is lost.
            scheduler.TriggerJob(IngestJob.Key, new JobDataMap { [IngestJob.TriggerKey] = "watcher" }).GetAwaiter().GetResult();
        }
        catch (SchedulerException ex)
        {
            log.WriteLine($"inbox watcher: could not start an ingest ({ex.Message}); the schedule will pick the file up");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null) _watcher.EnableRaisingEvents = false;
        _quiet?.Change(Timeout.Infinite, Timeout.Infinite);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _quiet?.Dispose();
    }
}
