using Analytics.Warehouse;
using Analytics.Model;
using Analytics.Tests.Support;
using DuckDB.NET.Data;

namespace Analytics.Tests.Model;

public class ModelBuilderTests
{
    private static ModelDefinition M(string layer, string name, string sql) =>
        ModelDiscovery.Parse(layer, $"queries/{layer}/{name}.sql", sql);

    [Fact]
    public void Build_CreatesViewsAndTablesInOrder_CommentedWithTheirGrain()
    {
        using var w = TempWarehouse.WithLedgers(activities: true);
        var result = new ModelBuilder(w.Connection).Build([
            M("marts", "unit_activities", "select unit_id, count(*) as n_activities from staging.stg_acts group by unit_id"),
            M("staging", "stg_acts", "-- one row per activity\nselect activity_id, unit_id from core.activities"),
        ]);
        Assert.Equal("one row per activity", w.Strings("select comment from duckdb_views() where schema_name = 'staging' and view_name = 'stg_acts'").Single());
        Assert.Equal(["staging.stg_acts", "marts.unit_activities"], result.Models.Select(m => m.FullName));
        Assert.Equal(3L, result.Models[1].Rows);
        Assert.Equal("VIEW|BASE TABLE", string.Join("|", w.Strings(
            "select table_type from information_schema.tables where table_schema in ('staging', 'marts') order by table_schema desc")));
    }

    [Fact]
    public void OnlyAnIncrementalTable_MayReadTheBuildsFirstMonth()
    {
        const string reads = "select month_id from intermediate.int_months where month_id >= coalesce(getvariable('incremental_from_month'), '')";
        var view = Assert.Throws<InvalidOperationException>(() => M("intermediate", "int_recent", reads));
        Assert.Contains("queries/intermediate/int_recent.sql", view.Message);
        Assert.Contains("-- incremental: <month column>", view.Message);
        var table = M("intermediate", "int_recent", "-- materialized: table\n-- incremental: month_id\n" + reads);
        Assert.True(table.ReadsIncrementalFrom);
        Assert.Equal("month_id", table.IncrementalKey);
    }

    [Fact]
    public void FailingModel_IsNamed_AndThePreviousBuildStays()
    {
        using var w = TempWarehouse.WithLedgers(activities: true);
        var builder = new ModelBuilder(w.Connection);
        builder.Build([M("marts", "unit_activities", "select unit_id, count(*) as n from core.activities group by unit_id")]);

        var ex = Assert.Throws<InvalidOperationException>(() => builder.Build([
            M("marts", "unit_activities", "select unit_id, count(*) as n, 1 as extra from core.activities group by unit_id"),
            M("marts", "zz_broken", "select no_such_column from core.activities"),
        ]));

        Assert.Contains("marts.zz_broken", ex.Message);
        Assert.Equal(2L, w.Scalar<long>("select count(*) from information_schema.columns where table_schema = 'marts' and table_name = 'unit_activities'"));
    }

    [Fact]
    public void ModelWhoseFileIsGone_IsDropped()
    {
        using var w = TempWarehouse.WithLedgers(activities: false);
        var builder = new ModelBuilder(w.Connection);
        builder.Build([M("staging", "stg_a", "select 1 as a"), M("marts", "old", "select * from staging.stg_a")]);

        var result = builder.Build([M("staging", "stg_a", "select 1 as a")]);

        Assert.Equal(["marts.old"], result.Dropped);
        Assert.Equal(0L, w.Scalar<long>("select count(*) from information_schema.tables where table_schema = 'marts'"));
    }
}

public class SnapshotTests
{
    private static ModelDefinition Mart(string sql) => ModelDiscovery.Parse("marts", "queries/marts/unit_activities.sql", sql);

    [Fact]
    public void ReaderKeptOpenThroughABuildAndPublish_NeverFails_AndTheNextReaderSeesTheNewData()
    {
        using var w = TempWarehouse.WithLedgers(activities: true);
        var snapshot = Path.Combine(w.Root, "snapshot.duckdb");
        var builder = new ModelBuilder(w.Connection);
        builder.Build([Mart("select unit_id, count(*) as n from core.activities group by unit_id")]);
        SnapshotPublisher.Publish(w.Connection, snapshot);

        using var reader = new DuckDBConnection($"DataSource={snapshot};ACCESS_MODE=READ_ONLY");
        reader.Open();
        Assert.Equal(3L, reader.Scalar<long>("select count(*) from marts.unit_activities"));

        // The next build publishes a different mart while the reader still has the old file open.
        builder.Build([Mart("select unit_id, count(*) as n from core.activities where unit_id = 'B01' group by unit_id")]);
        var published = SnapshotPublisher.Publish(w.Connection, snapshot);

        Assert.Equal(["unit_activities"], published.Tables);
        Assert.Equal(3L, reader.Scalar<long>("select count(*) from marts.unit_activities"));
        // Another process opening the path now gets the new file. (Within one process DuckDB.NET shares one
        // database per path, so the open reader would be handed the old one.)
        var next = CliProcess.Run("--data-dir", w.Root, "sql", "select count(*) as n from marts.unit_activities", "--format", "csv");
        Assert.Equal((0, "n\n1\n"), (next.ExitCode, next.Output.Replace("\r", "")));
        // No temp file or WAL is left beside the snapshot.
        Assert.Equal(["snapshot.duckdb"], Directory.GetFiles(w.Root).Select(Path.GetFileName).Where(n => n!.StartsWith("snapshot", StringComparison.Ordinal)));
    }

    [Fact]
    public void Snapshot_HoldsOnlyTheMarts_AndTheBuildItShows()
    {
        using var w = TempWarehouse.WithLedgers(activities: true);
        var snapshot = Path.Combine(w.Root, "snapshot.duckdb");
        new ModelBuilder(w.Connection).Build([Mart("select unit_id from core.activities")]);
        SnapshotPublisher.Publish(w.Connection, snapshot);

        Assert.Equal(["about.snapshot", "marts.unit_activities"], ReadOnlyQuery.Run(snapshot,
            "select table_schema || '.' || table_name from information_schema.tables where table_catalog = current_database() order by 1").Rows.Select(r => (string)r[0]!));
        Assert.Equal("1 full", string.Join(" ", ReadOnlyQuery.Run(snapshot, "select build_id, build_kind from about.snapshot").Rows.Single()));
    }
}

public class ReadOnlyQueryTests : IDisposable
{
    private readonly TempWarehouse _w = TempWarehouse.WithLedgers(activities: true);
    private readonly string _snapshot;

    public ReadOnlyQueryTests()
    {
        _snapshot = Path.Combine(_w.Root, "snapshot.duckdb");
        new ModelBuilder(_w.Connection).Build([ModelDiscovery.Parse("marts", "queries/marts/acts.sql", "select activity_id, unit_id from core.activities")]);
        SnapshotPublisher.Publish(_w.Connection, _snapshot);
    }

    public void Dispose() => _w.Dispose();

    [Fact]
    public void Query_ReturnsColumnsAndRows()
    {
        var result = ReadOnlyQuery.Run(_snapshot, "-- evaluators' question\nselect unit_id, count(*) as n from marts.acts group by 1 order by 1");
        Assert.Equal(["unit_id", "n"], result.Columns);
        Assert.Equal(["B01", "B02", "C01"], result.Rows.Select(r => (string)r[0]!));
    }

    [Theory]
    [InlineData("insert into marts.acts values ('x', 'y')")]
    [InlineData("attach 'other.duckdb' as o")]
    [InlineData("install httpfs")]
    [InlineData("load httpfs")]
    [InlineData("copy marts.acts to 'out.csv'")]
    [InlineData("set enable_external_access = true")]
    public void StatementThatIsNoQuery_IsRefused(string sql) =>
        Assert.Contains("refused", Assert.Throws<InvalidOperationException>(() => ReadOnlyQuery.Run(_snapshot, sql)).Message);

    [Theory]
    [InlineData("select * from read_csv('/etc/passwd')")]
    [InlineData("with x as (select 1) select * from read_text('/etc/hostname')")]
    public void QueryThatReachesOutside_Fails(string sql)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ReadOnlyQuery.Run(_snapshot, sql));
        Assert.Contains("failed", ex.Message);
    }
}

public class ReadOnlyQueryLimitTests
{
    [Fact]
    public void ResultLongerThanTheLimit_IsMarkedTruncated()
    {
        using var w = TempWarehouse.WithLedgers(activities: false);
        var snapshot = Path.Combine(w.Root, "snapshot.duckdb");
        new ModelBuilder(w.Connection).Build([ModelDiscovery.Parse("marts", "queries/marts/units.sql", "select unit_id from core.org_units")]);
        SnapshotPublisher.Publish(w.Connection, snapshot);

        var limited = ReadOnlyQuery.Run(snapshot, "select * from marts.units", maxRows: 2);
        var whole = ReadOnlyQuery.Run(snapshot, "select * from marts.units", maxRows: 3);

        Assert.Equal((2, true), (limited.Rows.Count, limited.Truncated));
        Assert.Equal((3, false), (whole.Rows.Count, whole.Truncated));
    }
}
