using Analytics.Service.Stages;
using Analytics.Warehouse;
using Analytics.Service;
using Analytics.Service.Commands;
using Analytics.Service.Scheduling;
using Analytics.Tests.Support;

namespace Analytics.Tests.Service.Scheduling;

/// <summary>Stages that record what they were asked to do, and fail on request.</summary>
internal sealed class FakeStages : IPipelineStages
{
    public List<string> Calls { get; } = [];
    public bool FailNextIngest { get; set; }
    public bool DataArrives { get; set; } = true;

    public (bool Changed, string Counts) Ingest(CancellationToken cancellation)
    {
        Calls.Add("ingest");
        if (FailNextIngest) { FailNextIngest = false; throw new IOException("the inbox share is offline"); }
        return (DataArrives, DataArrives ? "1 file loaded" : "0 files");
    }

    public string Build(CancellationToken cancellation) { Calls.Add("build"); return "built"; }
    public string Reports(Month month, CancellationToken cancellation) { Calls.Add("reports " + month); return "14 PDFs"; }
}

public class PipelineServiceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kfr-service-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A clock at a local (Asia/Shanghai, UTC+8) time.</summary>
    private static FixedClock At(int year, int month, int day, int hour, int minute = 0) =>
        new(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)));

    private (PipelineService Service, FakeStages Stages) Service(TimeProvider clock)
    {
        var stages = new FakeStages();
        return (new PipelineService(new AnalyticsSettings { DataDir = _dir }, stages, clock), stages);
    }

    private List<string> Runs(TimeProvider clock)
    {
        using var c = WarehouseSchema.Open(Path.Combine(_dir, "warehouse.duckdb"), clock);
        return c.Query("select job || ':' || trigger || ':' || outcome || coalesce(':' || period, '') from ops.job_runs order by run_id", r => r.GetString(0));
    }

    [Theory]
    // The reports for a month fall due at 08:00 on the 1st of the next (Asia/Shanghai).
    [InlineData(2026, 11, 1, 7, "2026-09")]  // 07:00 on 1 November: October's are not due yet
    [InlineData(2026, 11, 1, 8, "2026-10")]  // 08:00: now they are
    [InlineData(2026, 11, 24, 15, "2026-10")]
    [InlineData(2026, 1, 1, 9, "2025-12")]   // across a year boundary
    public void DueReportMonth_FollowsThe1stAt8InShanghai(int y, int m, int d, int h, string expected) =>
        Assert.Equal(expected, PipelineService.DueReportMonth(At(y, m, d, h).GetUtcNow()).ToString());

    [Fact]
    public void CatchUp_AfterDowntimeAcrossAMonthBoundary_RendersTheMissedMonthOnce()
    {
        // September's reports ran; the service was down from late October until 09:00 on 3 November.
        var before = At(2026, 10, 1, 8, 5);
        var (first, _) = Service(before);
        first.Reports(new Month(2026, 9), "schedule", default);

        var after = At(2026, 11, 3, 9);
        var (service, stages) = Service(after);
        Assert.Equal(["reports 2026-10"], service.CatchUp(default));
        Assert.Empty(service.CatchUp(default)); // decided from the history: not twice
        Assert.Equal(["reports 2026-10"], stages.Calls);
        Assert.Equal(["reports:schedule:succeeded:2026-09", "reports:catch-up:succeeded:2026-10"], Runs(after));
    }

    [Fact]
    public void FailingJob_IsRecorded_AndLaterRunsGoOn()
    {
        var clock = At(2026, 11, 24, 10);
        var (service, stages) = Service(clock);
        stages.FailNextIngest = true;

        service.IngestCycle("schedule", default); // fails, recorded, no exception
        service.IngestCycle("schedule", default); // the next run works and, data having changed, builds

        Assert.Equal(["ingest", "ingest", "build"], stages.Calls);
        Assert.Equal(["ingest:schedule:failed", "ingest:schedule:succeeded", "build:schedule:succeeded"], Runs(clock));
        using var c = WarehouseSchema.Open(Path.Combine(_dir, "warehouse.duckdb"), clock);
        Assert.Equal("the inbox share is offline", c.Scalar<string>("select error from ops.job_runs where run_id = 1"));
    }

    [Fact]
    public void NoNewData_NoBuild_UnlessABuildIsBehind()
    {
        var clock = At(2026, 11, 24, 10);
        var (service, stages) = Service(clock);
        stages.DataArrives = false;
        service.IngestCycle("schedule", default);
        Assert.Equal(["ingest"], stages.Calls);
    }

    [Fact]
    public void CatchUp_BuildsWhenDataArrivedAfterTheLastBuild_AndClosesRunsADeadProcessLeftOpen()
    {
        var clock = At(2026, 11, 24, 10);
        var (service, stages) = Service(clock);
        using (var c = WarehouseSchema.Open(Path.Combine(_dir, "warehouse.duckdb"), clock))
        {
            var history = new JobHistory(c, clock);
            history.Finish(history.Start("ingest", "schedule", null), "succeeded", "changed: 1 file loaded", null);
            history.Start("build", "schedule", null); // the process died during this build
            history.Finish(history.Start("reports", "schedule", "2026-10"), "succeeded", "14 PDFs", null);
        }

        Assert.Equal(["build"], service.CatchUp(default));
        Assert.Contains("build:schedule:failed", Runs(clock));
        Assert.Equal("build:catch-up:succeeded", Runs(clock).Last());
    }

    [Theory]
    // Cron fire times in Asia/Shanghai: the report cron fires at 08:00 local = 00:00 UTC on the 1st.
    [InlineData("0 0 8 1 * ?", "2026-10-31T23:59:00Z", "2026-11-01T00:00:00Z")]
    [InlineData("0 0 8 1 * ?", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z")]
    // Every 15 minutes: 12:07 local → 12:15 local (04:15 UTC).
    [InlineData("0 0/15 * * * ?", "2026-11-24T04:07:00Z", "2026-11-24T04:15:00Z")]
    public void NextFire_InShanghaiTime(string cron, string after, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected), StatusCommand.NextFire(cron, DateTimeOffset.Parse(after)));

    [Fact]
    public void BadCron_IsAPlainError() =>
        Assert.Contains("not a valid Quartz cron expression", Assert.Throws<ArgumentException>(() => StatusCommand.NextFire("every minute", DateTimeOffset.UnixEpoch)).Message);
}

public class ShutdownDuringIngestTests
{
    [Fact]
    public void ShutdownBetweenFiles_KeepsWhatWasCommitted_AndTheRestLoadsNextTime()
    {
        using var w = new TempWarehouse();
        w.WriteInbox("a-org.csv", Ledgers.OrgUnits);
        w.WriteInbox("b-members.csv", Ledgers.Members);
        using var shutdown = new CancellationTokenSource();
        // The stop signal arrives while the first file loads: it finishes, the second is not started.
        var progress = new SyncProgress(p => { if (p.FileIndex == 1 && p.Phase == "loading") shutdown.Cancel(); });

        Assert.Throws<OperationCanceledException>(() =>
            new Analytics.Ingest.Loading.InboxIngestor(w.Connection, TempWarehouse.Catalogue, w.Options, w.Clock).Run(progress, shutdown.Token));

        Assert.Equal(3, w.Scalar<long>("select count(*) from core.org_units"));
        Assert.Equal(0, w.Scalar<long>("select count(*) from core.memberships"));
        Assert.True(File.Exists(w.Inbox("b-members.csv")));
        Assert.False(File.Exists(w.Inbox("a-org.csv")));

        var outcome = w.Ingest().Single();
        Assert.Equal(("b-members.csv", 3L), (outcome.FileName, outcome.RowsLoaded));
    }

    private sealed class SyncProgress(Action<Analytics.Ingest.Loading.IngestProgress> report) : IProgress<Analytics.Ingest.Loading.IngestProgress>
    {
        public void Report(Analytics.Ingest.Loading.IngestProgress value) => report(value);
    }
}
