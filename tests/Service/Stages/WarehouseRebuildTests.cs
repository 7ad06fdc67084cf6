using Analytics.Service;
using Analytics.Service.Commands;
using Analytics.Service.Stages;
using Analytics.Tests.Support;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Tests.Service.Stages;

/// <summary>
/// The archive is the warehouse's backup: a warehouse that cannot be opened any more is replayed from it, and every
/// ledger table, ingest record and mart comes back as it was; a readable one is replaced only by an equal replay.
/// </summary>
public class WarehouseRebuildTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kfr-rebuild-").FullName;
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
    private AnalyticsSettings Settings => new() { DataDir = _dir };
    private string Warehouse => Path.Combine(_dir, "warehouse.duckdb");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Two ingest runs of one day (the second updates activities, one file under the first's name, and sends
    /// two files again: one loaded before, one refused before), bad rows, a refused file, an empty one (refused before
    /// it can be read, so it has no hash), and a full build.</summary>
    private void LoadAndBuild()
    {
        var inbox = Settings.Ingest.InboxDir;
        Directory.CreateDirectory(inbox);
        File.WriteAllText(Path.Combine(inbox, "o.csv"), Ledgers.OrgUnits);
        File.WriteAllText(Path.Combine(inbox, "m.csv"), Ledgers.Members);
        File.WriteAllText(Path.Combine(inbox, "a.csv"), Ledgers.Activities + "\nA004,C99,2026-03-08,党课,未知组织,5\nA005,B01,2027-01-01,党课,未来,5\n");
        File.WriteAllText(Path.Combine(inbox, "notes.csv"), "序号,备注\n1,见附件\n");
        File.WriteAllText(Path.Combine(inbox, "empty.csv"), "");
        var pipeline = new Pipeline(Settings, _clock);
        pipeline.Ingest();
        File.WriteAllText(Path.Combine(inbox, "o-again.csv"), Ledgers.OrgUnits);
        File.WriteAllText(Path.Combine(inbox, "a.csv"), "活动编号,组织编号,活动日期,活动类型,活动名称,参与人数\nA002,B01,2026-03-06,党课,三月党课（更正）,9\n");
        File.WriteAllText(Path.Combine(inbox, "notes-again.csv"), "序号,备注\n1,见附件\n");
        File.WriteAllText(Path.Combine(inbox, "a2.csv"), "活动编号,组织编号,活动日期,活动类型,活动名称,参与人数\nA001,B01,2026-03-05,主题党日,三月主题党日（更正）,14\n");
        pipeline.Ingest();
        pipeline.Build(full: true);
    }

    private List<string> Fingerprint()
    {
        using var connection = new DuckDBConnection($"DataSource={Warehouse};ACCESS_MODE=READ_ONLY");
        connection.Open();
        var ingestRecords = WarehouseRebuild.IngestRecords.Select(t => t.Split('.')).ToList();
        return DataFolderFingerprint.Tables(connection, "w", ["core", "history", "marts"])
            .Concat(ingestRecords.Select(t => $"{t[0]}.{t[1]} " + TableFingerprint.Of(connection, null, t[0], t[1], new HashSet<string> { "file_id", "archived_to" })))
            .ToList();
    }

    [Fact]
    public void TruncatedWarehouse_IsRefusedWithTheWayBack_AndRebuildRestoresEveryTable()
    {
        LoadAndBuild();
        var before = Fingerprint();
        Assert.Contains(before, l => l.StartsWith("w marts.branch_month rows=", StringComparison.Ordinal) && !l.Contains("rows=0 ", StringComparison.Ordinal));
        using (var stream = new FileStream(Warehouse, FileMode.Open)) stream.SetLength(stream.Length / 2);

        var refused = Assert.Throws<InvalidOperationException>(() => new Pipeline(Settings, _clock).OpenWarehouse().Dispose());
        Assert.Contains("analytics rebuild", refused.Message);

        var output = new StringWriter();
        Assert.Equal(0, RebuildCommand.Run(Settings, _clock, output, force: false));

        Assert.Equal(before, Fingerprint());
        Assert.True(File.Exists(Warehouse + ".unreadable"));
        Assert.Contains("Replayed 9 files", output.ToString());
    }

    [Fact]
    public void ReadableWarehouse_IsSwappedOnlyForAnEqualReplay_AndKeepsWhatTheArchiveCannotGive()
    {
        LoadAndBuild();
        var before = Fingerprint();
        using (var connection = new Pipeline(Settings, _clock).OpenWarehouse())
            connection.Execute("insert into ops.job_runs (run_id, job, trigger, started_at, outcome) values (999, 'ingest', 'schedule', now(), 'succeeded')");

        Assert.Equal(0, RebuildCommand.Run(Settings, _clock, new StringWriter(), force: false));
        Assert.Equal(before, Fingerprint());
        using (var connection = new Pipeline(Settings, _clock).OpenWarehouse())
        {
            Assert.Equal(1, connection.Scalar<long>("select count(*) from ops.job_runs where run_id = 999"));
            // Every file's record names where it is kept for good (the archive, or rejected/ for a refused one),
            // not the replay's own folder.
            var kept = connection.Query("select status, archived_to from ops.ingested_files", r => (Status: r.GetString(0), Path: r.GetStringOrNull(1)));
            Assert.Contains(kept, k => k.Status == "loaded");
            Assert.All(kept, k =>
            {
                Assert.NotNull(k.Path);
                Assert.StartsWith(Path.GetFullPath(k.Status == "loaded" ? Settings.Ingest.ArchiveDir : Settings.Ingest.RejectedDir) + Path.DirectorySeparatorChar,
                    Path.GetFullPath(k.Path!));
                Assert.True(File.Exists(k.Path));
            });
        }

        // A warehouse that no longer matches its archive is not replaced unasked.
        using (var connection = new Pipeline(Settings, _clock).OpenWarehouse())
            connection.Execute("delete from core.activities where activity_id = 'A002'");
        var output = new StringWriter();
        Assert.Equal(1, RebuildCommand.Run(Settings, _clock, output, force: false));
        Assert.Contains("differs: core.activities", output.ToString());
        using (var connection = new Pipeline(Settings, _clock).OpenWarehouse())
            Assert.Equal(0, connection.Scalar<long>("select count(*) from core.activities where activity_id = 'A002'"));
    }

    [Fact]
    public void ALedgerTableTheReplayDoesNotMake_IsADifference()
    {
        LoadAndBuild();
        using (var connection = new Pipeline(Settings, _clock).OpenWarehouse())
            connection.Execute("create table history.added_by_hand (x integer); insert into history.added_by_hand values (1)");

        var run = new WarehouseRebuild(Settings).Run(force: false);

        Assert.False(run.SwappedIn);
        var difference = Assert.Single(run.Differences);
        Assert.StartsWith("history.added_by_hand: rebuilt absent, current rows=1 ", difference);
        using var current = new Pipeline(Settings, _clock).OpenWarehouse();
        Assert.Equal(1, current.Scalar<long>("select count(*) from history.added_by_hand"));
    }

    [Fact]
    public void AWarehouseAnotherProcessHoldsOpen_IsNotTakenForAnUnreadableOne()
    {
        LoadAndBuild();
        var before = Fingerprint();
        // A second process takes the lock DuckDB takes on a warehouse it opens (an fcntl lock on the whole file).
        var holder = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/python3",
            ["-c", "import fcntl, sys, time; f = open(sys.argv[1], 'r+'); fcntl.lockf(f, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(60)", Warehouse])
            { RedirectStandardOutput = true })!;
        try
        {
            Assert.Equal("locked", holder.StandardOutput.ReadLine());
            var refused = Assert.Throws<InvalidOperationException>(() => new WarehouseRebuild(Settings).Run(force: false));
            Assert.Contains("open in another process", refused.Message);
        }
        finally
        {
            holder.Kill();
            holder.WaitForExit();
        }
        Assert.False(File.Exists(Warehouse + ".unreadable"));
        Assert.Equal(before, Fingerprint());
    }
}
