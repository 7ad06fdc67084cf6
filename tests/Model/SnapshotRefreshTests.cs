using Analytics.Model;
using Analytics.Tests.Support;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Tests.Model;

/// <summary>
/// A snapshot refreshed in a copy of the previous one (the month-keyed marts' rows from the first month the builds
/// since recomputed) must hold exactly what a snapshot written whole holds: every mart's rows and every comment.
/// </summary>
public class SnapshotRefreshTests
{
    private static readonly string Queries = Path.Combine(AppContext.BaseDirectory, "queries");

    /// <summary>Every mart of a snapshot file as lines: rows (count and hash), then the tables' and columns' comments.</summary>
    private static List<string> Content(string snapshot)
    {
        using var connection = new DuckDBConnection($"Data Source={snapshot};ACCESS_MODE=READ_ONLY");
        connection.Open();
        var lines = DataFolderFingerprint.Tables(connection, "snapshot", ["marts"]).ToList();
        lines.AddRange(connection.Query("select table_name || ': ' || coalesce(comment, '-') from duckdb_tables() where schema_name = 'marts' order by 1", r => r.GetString(0)));
        lines.AddRange(connection.Query(
            "select table_name || '.' || column_name || ' ' || data_type || ': ' || coalesce(comment, '-') from duckdb_columns() where schema_name = 'marts' order by table_name, column_index",
            r => r.GetString(0)));
        return lines;
    }

    [Fact]
    public void ARefreshedSnapshot_EqualsOneWrittenWhole_AfterEachKindOfBuild()
    {
        using var w = TempWarehouse.WithLedgers(activities: true); // activities in 2026-03; M003 in B02 from 2025-03-01
        w.WriteInbox("att.csv", "活动编号,党员编号,出勤状态\nA001,M001,出席\nA002,M003,出席\n");
        w.Ingest();
        var models = ModelDiscovery.Discover(Queries);
        var builder = new ModelBuilder(w.Connection, MartContracts.Load(Queries));
        builder.Build(models);
        var snapshot = Path.Combine(w.Root, "snapshot.duckdb");
        var wholes = 0;
        PublishedSnapshot Publish() => SnapshotPublisher.Publish(w.Connection, snapshot, models);
        // Ledger files sent, loaded without a quarantined row, and built incrementally: the month the build recomputed from.
        string? SentAndBuilt(params (string Name, string Text)[] files)
        {
            foreach (var (name, text) in files) w.WriteInbox(name, text);
            Assert.All(w.Ingest(), o => Assert.Equal(0, o.RowsQuarantined));
            return builder.Build(models, incremental: true).Plan!.FromMonth;
        }
        void AssertEqualsAWholeOne()
        {
            var whole = Path.Combine(w.Root, $"whole-{++wholes}.duckdb");
            Assert.Null(SnapshotPublisher.Publish(w.Connection, whole, models).RefreshedFrom);
            var expected = Content(whole);
            Assert.Contains(expected, l => l.StartsWith("snapshot marts.member_month rows=", StringComparison.Ordinal));
            Assert.Equal(expected, Content(snapshot));
        }

        Assert.Equal("no previous snapshot", Publish().WhyWhole);

        // A new month's activity and attendance: the month-keyed marts take its rows again, in the previous copy.
        Assert.Equal("2026-05", SentAndBuilt(
            ("may.csv", "活动编号,组织编号,活动日期,活动类型\nA010,B01,2026-05-12,党课\n"),
            ("att-may.csv", "活动编号,党员编号,出勤状态\nA010,M001,出席\n")));
        var may = Publish();
        Assert.Equal("2026-05", may.RefreshedFrom);
        Assert.Contains("member_month", may.Refreshed); // a view in the warehouse, a table in the snapshot
        Assert.Contains("college_year", may.Refreshed); // keyed by year: refreshed from 2026
        Assert.DoesNotContain("metric_catalogue", may.Refreshed); // no key: copied whole
        AssertEqualsAWholeOne();

        // Two builds, the first never published (killed between its commit and the publish): the refresh takes the
        // months of both, here from the month the first moved an activity to, not the second's later month.
        Assert.Equal("2026-01", SentAndBuilt(("moved.csv", "活动编号,组织编号,活动日期,活动类型\nA001,B01,2026-01-20,主题党日\n")));
        Assert.Equal("2026-06", SentAndBuilt(
            ("june.csv", "活动编号,组织编号,活动日期,活动类型\nA011,B02,2026-06-08,主题党日\n"),
            ("att-june.csv", "活动编号,党员编号,出勤状态\nA011,M003,出席\n")));
        Assert.Equal("2026-01", Publish().RefreshedFrom);
        AssertEqualsAWholeOne();

        // A membership that ends, from its start a year before, and pledges, from January: from the earlier.
        Assert.Equal("2025-03", SentAndBuilt(
            ("left.csv", "member_id,name,member_type,branch_id,valid_from,valid_to,status\nM003,王五,学生,B02,2025-03-01,2026-03-15,正式党员\n"),
            ("pledges.csv", "党员编号,工程,年度,承诺事项,承诺日期\nM001,七一工程,2026,T1,2026-03-10\n")));
        Assert.Equal("2025-03", Publish().RefreshedFrom);
        AssertEqualsAWholeOne();

        // No build since (the flag stage publishes after the build): the keyed marts are kept as they are.
        var again = Publish();
        Assert.Equal(IncrementalPlan.NothingNew, again.RefreshedFrom);
        Assert.Contains("member_month", again.Refreshed);
        AssertEqualsAWholeOne();

        // A full build since, a snapshot without its record of the build (an older version's), or one that cannot be
        // read: written whole, without an error.
        builder.Build(models);
        Assert.Equal("a full build ran since the previous snapshot", Publish().WhyWhole);
        using (var damage = new DuckDBConnection($"Data Source={snapshot}"))
        {
            damage.Open();
            damage.Execute($"drop table {SnapshotPublisher.AboutTable}");
        }
        Assert.Equal("the previous snapshot has no about.snapshot", Publish().WhyWhole);
        File.WriteAllBytes(snapshot, new byte[4096]);
        Assert.StartsWith("the previous snapshot could not be read", Publish().WhyWhole);
        AssertEqualsAWholeOne();
        Assert.Equal(["snapshot.duckdb"], Directory.GetFiles(w.Root, "snapshot*").Select(Path.GetFileName));
    }

    [Fact]
    public void ASnapshotOfAnotherWarehouse_IsWrittenWhole()
    {
        using var first = TempWarehouse.WithLedgers(activities: true);
        using var other = TempWarehouse.WithLedgers(activities: true);
        var models = ModelDiscovery.Discover(Queries);
        new ModelBuilder(first.Connection, MartContracts.Load(Queries)).Build(models);
        var snapshot = Path.Combine(first.Root, "snapshot.duckdb");
        SnapshotPublisher.Publish(first.Connection, snapshot, models);

        // The other warehouse has a build of the same number (1), made at another time.
        var builder = new ModelBuilder(other.Connection, MartContracts.Load(Queries));
        builder.Build(models);
        builder.Build(models, incremental: true);
        Assert.StartsWith("the previous snapshot shows a build this warehouse did not record", SnapshotPublisher.Publish(other.Connection, snapshot, models).WhyWhole);
    }
}
