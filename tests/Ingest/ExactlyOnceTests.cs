using Analytics.Ingest.Contracts;
using Analytics.Ingest.Loading;
using Analytics.Ingest.Reading;
using Analytics.Tests.Support;

namespace Analytics.Tests.Ingest;

/// <summary>A file counts once: re-ingesting changes nothing, and a crash at any point leaves all or nothing of it.</summary>
public class ExactlyOnceTests
{
    private static string Counts(TempWarehouse w) => string.Join(",", new[]
    {
        "core.org_units", "core.memberships", "core.activities", "raw.org_units", "raw.members", "raw.activities",
        "ops.quarantine", "ops.ingested_files",
    }.Select(t => w.Scalar<long>($"select count(*) from {t}")));

    [Fact]
    public void SameFileTwice_SecondTimeChangesNothing()
    {
        using var w = new TempWarehouse();
        w.WriteInbox("o.csv", Ledgers.OrgUnits);
        w.WriteInbox("m.csv", Ledgers.Members);
        w.Ingest();
        var before = Counts(w);

        w.WriteInbox("o-again.csv", Ledgers.OrgUnits); // same bytes, another name
        var outcome = w.Ingest().Single();

        Assert.Equal(FileStatus.AlreadyIngested, outcome.Status);
        Assert.Equal(before, Counts(w));
        Assert.Empty(Directory.GetFiles(w.Options.InboxDir));
        Assert.Equal(3, Directory.GetFiles(w.Options.ArchiveDir, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void CrashAfterCommitBeforeMove_NextRunOnlyArchivesTheFile()
    {
        using var w = new TempWarehouse();
        w.WriteInbox("o.csv", Ledgers.OrgUnits);
        // Commit the file exactly as ingest does, but "crash" before it is moved out of the inbox.
        var file = FileProbe.Probe(w.Inbox("o.csv"));
        var part = LedgerParts.Open(file, new HeaderMatcher()).Parts.Single();
        SqlFunctions.Install(w.Connection, TempWarehouse.Catalogue);
        new LedgerFileLoader(w.Connection, w.Clock, w.Options.WorkDir).Load(part, new DateOnly(2026, 11, 24));
        w.Reopen();
        var before = Counts(w);

        var outcome = w.Ingest().Single();

        Assert.Equal(FileStatus.AlreadyIngested, outcome.Status);
        Assert.Equal(before, Counts(w));
        Assert.Equal(3, w.Scalar<long>("select count(*) from core.org_units"));
        Assert.False(File.Exists(w.Inbox("o.csv")));
    }

    [Fact]
    public void CrashInTheMiddleOfLoading_LeavesNothingOfTheFile_AndTheNextRunLoadsIt()
    {
        using var w = new TempWarehouse();
        w.WriteInbox("o.csv", Ledgers.OrgUnits);
        w.Ingest();
        w.WriteInbox("m.csv", Ledgers.Members);
        var before = Counts(w);

        // The process dies while loading (after staging and validation): nothing of the file may remain.
        var ingestor = new InboxIngestor(w.Connection, TempWarehouse.Catalogue, w.Options, w.Clock);
        Assert.Throws<SimulatedCrash>(() => ingestor.Run(new CrashAt("loading")));
        w.Reopen();
        Assert.Equal(before, Counts(w));
        Assert.True(File.Exists(w.Inbox("m.csv")));

        var outcome = w.Ingest().Single();
        Assert.Equal((FileStatus.Loaded, 3L), (outcome.Status, outcome.RowsLoaded));
        Assert.Equal(3, w.Scalar<long>("select count(*) from core.memberships"));
    }

    [Fact]
    public void LaterFileWithTheSameKey_UpdatesCore_AndRawKeepsBoth()
    {
        using var w = new TempWarehouse();
        w.WriteInbox("o.csv", Ledgers.OrgUnits);
        w.Ingest();
        w.WriteInbox("o2.csv", "unit_id,unit_name,unit_type,parent_id,category\nB02,陶瓷美术学院学生党支部（更名）,党支部,C01,学生\n");

        w.Ingest();

        Assert.Equal("陶瓷美术学院学生党支部（更名）", w.Strings("select unit_name from core.org_units where unit_id = 'B02'").Single());
        Assert.Equal(3, w.Scalar<long>("select count(*) from core.org_units"));
        Assert.Equal(2, w.Scalar<long>("select count(*) from raw.org_units where unit_id = 'B02'"));
    }

    [Fact]
    public void MemberWhoMoves_KeepsBothPeriodsAsHistory()
    {
        using var w = new TempWarehouse();
        w.WriteInbox("o.csv", Ledgers.OrgUnits);
        w.WriteInbox("m.csv", Ledgers.Members);
        w.Ingest();
        // M003 leaves B02 on 1 May 2026 and joins B01 that day: the old period gets its end, a new one starts.
        w.WriteInbox("moves.json", """
            [{"member_id": "M003", "name": "王五", "member_type": "学生", "branch_id": "B02", "valid_from": "2025-03-01", "valid_to": "2026-05-01"},
             {"member_id": "M003", "name": "王五", "member_type": "学生", "branch_id": "B01", "valid_from": "2026-05-01"}]
            """);

        w.Ingest();

        Assert.Equal(["B02|2025-03-01|2026-05-01", "B01|2026-05-01|"], w.Strings(
            "select branch_id || '|' || strftime(valid_from, '%Y-%m-%d') || '|' || coalesce(strftime(valid_to, '%Y-%m-%d'), '') from core.memberships where member_id = 'M003' order by valid_from"));
        Assert.Equal(3, w.Scalar<long>("select count(*) from core.members"));
    }

    private sealed class SimulatedCrash() : Exception("simulated crash");

    /// <summary>Throws when ingest reaches the named phase, as a process killed there would stop.</summary>
    private sealed class CrashAt(string phase) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value)
        {
            if (value.Phase == phase) throw new SimulatedCrash();
        }
    }
}
