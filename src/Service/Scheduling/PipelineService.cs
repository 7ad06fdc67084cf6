using System.Globalization;
using Analytics.Warehouse;

namespace Analytics.Service.Scheduling;

/// <summary>
/// What the scheduled service does, one job at a time against the warehouse: ingest the inbox (and rebuild when data
/// changed), render last month's reports, and catch up at start on what was missed while it was down — decided from
/// the job history in the warehouse, not from memory. Every run is recorded; a failed run is recorded and the next
/// runs go on.
/// </summary>
public sealed class PipelineService(AnalyticsSettings settings, IPipelineStages stages, TimeProvider clock)
{
    /// <summary>One job at a time against the warehouse, whatever triggered it.</summary>
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Ingests; when anything was loaded, or a build is behind, builds.</summary>
    public void IngestCycle(string trigger, CancellationToken cancellation)
    {
        var changed = Run("ingest", trigger, null, ct =>
        {
            var (c, counts) = stages.Ingest(ct);
            return ((c ? "changed: " : "unchanged: ") + counts, c);
        }, cancellation);
        if (changed || WithHistory(h => h.BuildBehind())) Run("build", trigger, null, ct => (stages.Build(ct), true), cancellation);
    }

    public void Reports(Month month, string trigger, CancellationToken cancellation) =>
        Run("reports", trigger, month.ToString(), ct => (stages.Reports(month, ct), true), cancellation);

    /// <summary>
    /// At start: close runs a dead process left open; ingest files already waiting in the inbox (an organiser who sent
    /// one while the service was down gets feedback now, not at the next quarter-hour); build if data arrived after the
    /// last build; render the latest month whose reports fell due (08:00 on the 1st, Asia/Shanghai) if they never
    /// succeeded — once, not every month missed.
    /// </summary>
    public IReadOnlyList<string> CatchUp(CancellationToken cancellation)
    {
        var done = new List<string>();
        WithHistory(h => h.CloseAbandoned());
        if (InboxWatcher.Waiting(settings.Ingest.InboxDir) > 0)
        {
            IngestCycle("catch-up", cancellation);
            done.Add("ingest");
        }
        if (WithHistory(h => h.BuildBehind()))
        {
            Run("build", "catch-up", null, ct => (stages.Build(ct), true), cancellation);
            done.Add("build");
        }
        var due = DueReportMonth(clock.GetUtcNow());
        if (!WithHistory(h => h.ReportsDone(due)))
        {
            Reports(due, "catch-up", cancellation);
            done.Add("reports " + due);
        }
        return done;
    }

    /// <summary>The month whose reports are due by now: the month before the last 1st at 08:00 (Asia/Shanghai) that has passed.</summary>
    public static Month DueReportMonth(DateTimeOffset now)
    {
        var local = BusinessClock.Local(now);
        var firstOfMonth = new DateTime(local.Year, local.Month, 1, 8, 0, 0);
        var lastDue = local.DateTime >= firstOfMonth ? firstOfMonth : firstOfMonth.AddMonths(-1);
        return Month.Of(DateOnly.FromDateTime(lastDue)).Previous();
    }

    private T Run<T>(string job, string trigger, string? period, Func<CancellationToken, (string Counts, T Result)> work, CancellationToken cancellation)
    {
        Gate.Wait(cancellation);
        try
        {
            var runId = WithHistory(h => h.Start(job, trigger, period));
            try
            {
                var (counts, result) = work(cancellation);
                WithHistory(h => h.Finish(runId, "succeeded", counts, null));
                return result;
            }
            catch (OperationCanceledException)
            {
                WithHistory(h => h.Finish(runId, "cancelled", null, "stopped by shutdown"));
                throw;
            }
            catch (Exception ex)
            {
                // Recorded, not fatal: the next scheduled run goes on.
                WithHistory(h => h.Finish(runId, "failed", null, ex.Message));
                return default!;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private void WithHistory(Action<JobHistory> use) => WithHistory(h => { use(h); return 0; });

    private T WithHistory<T>(Func<JobHistory, T> use)
    {
        using var connection = new Stages.Pipeline(settings, clock).OpenWarehouse();
        return use(new JobHistory(connection, clock));
    }
}
