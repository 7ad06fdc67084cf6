using Analytics.Service.Stages;
using Analytics.Warehouse;
using Analytics.Tests.Support;
using DuckDB.NET.Data;

namespace Analytics.Tests.Warehouse;

public class MigratorTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));

    private static DuckDBConnection Memory()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        return connection;
    }

    [Fact]
    public void FreshWarehouse_IsAtTheLatestVersion_WithItsSchemas()
    {
        using var w = new TempWarehouse();
        Assert.Equal(WarehouseSchema.Migrations.Count, WarehouseDatabase.SchemaVersion(w.Connection));
        Assert.Equal(["core", "ops", "raw"], w.Strings("select schema_name from information_schema.schemata where schema_name in ('raw', 'core', 'ops') order by 1"));
    }

    [Fact]
    public void Reopening_AppliesNothingTwice()
    {
        using var w = new TempWarehouse();
        w.Reopen();
        Assert.Empty(Migrator.Apply(w.Connection, WarehouseSchema.Migrations, Clock));
        Assert.Equal(WarehouseSchema.Migrations.Count, w.Scalar<long>("select count(*) from ops.schema_version"));
    }

    [Fact]
    public void NewMigration_IsAppliedOnTopOfAnExistingWarehouse()
    {
        using var c = Memory();
        Migrator.Apply(c, [new(1, "one", "create table t (a int)")], Clock);
        var applied = Migrator.Apply(c, [new(1, "one", "create table t (a int)"), new(2, "two", "alter table t add column b int")], Clock);
        Assert.Equal([2], applied.Select(m => m.Version));
        Assert.Equal(2, c.Scalar<int>("select max(version) from ops.schema_version"));
        Assert.Equal(2L, c.Scalar<long>("select count(*) from information_schema.columns where table_name = 't'"));
    }

    [Fact]
    public void FailingMigration_RollsBack_AndNamesItself()
    {
        using var c = Memory();
        var ex = Assert.Throws<InvalidOperationException>(() =>
            Migrator.Apply(c, [new(1, "one", "create table t (a int)"), new(2, "bad step", "create table u (a int); select * from missing_table")], Clock));
        Assert.Contains("Migration 2 (bad step) failed", ex.Message);
        Assert.Equal(1, c.Scalar<int>("select max(version) from ops.schema_version"));
        Assert.Equal(0L, c.Scalar<long>("select count(*) from information_schema.tables where table_name = 'u'"));
    }

    [Fact]
    public void WarehouseNewerThanTheProgram_IsRefused()
    {
        using var c = Memory();
        Migrator.Apply(c, [new(1, "one", "select 1"), new(2, "two", "select 1")], Clock);
        var ex = Assert.Throws<InvalidOperationException>(() => Migrator.Apply(c, [new(1, "one", "select 1")], Clock));
        Assert.Contains("newer than this program knows", ex.Message);
    }

    [Fact]
    public void TwoStagesClaimingOneVersion_AreRejected_NamingBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => Migrator.Apply(Memory(), [new(1, "ledgers", "select 1"), new(2, "flags", "select 1"), new(2, "jobs", "select 1")], Clock));
        Assert.Contains("'flags' and 'jobs'", ex.Message);
    }

    [Fact]
    public void EveryStage_OwnsItsTables_InOneHistory()
    {
        // Each stage declares the migrations of its own tables; together they number 1, 2, 3… without gaps.
        Assert.Equal(Enumerable.Range(1, WarehouseSchema.Migrations.Count), WarehouseSchema.Migrations.Select(m => m.Version));
        Assert.Contains(Analytics.Flags.FlagMigrations.All, m => m.Sql.Contains("ops.flag_runs"));
        Assert.Contains(Analytics.Model.ModelMigrations.All, m => m.Sql.Contains("ops.model_builds"));
        Assert.Contains(Analytics.Service.Scheduling.PipelineMigrations.All, m => m.Sql.Contains("ops.job_runs"));
        Assert.DoesNotContain(Analytics.Ingest.IngestMigrations.All, m => m.Sql.Contains("ops.flag_runs") || m.Sql.Contains("ops.job_runs") || m.Sql.Contains("ops.model_builds"));
    }

    [Fact]
    public void AnOlderWarehouse_UpgradesInPlace_KeepingItsData()
    {
        using var w = new TempWarehouse();
        var path = Path.Combine(w.Root, "older.duckdb");
        // A warehouse written by a program that knew only the first three versions, holding a loaded file.
        using (var older = new DuckDBConnection($"DataSource={path}"))
        {
            older.Open();
            Migrator.Apply(older, WarehouseSchema.Migrations.Take(3), Clock);
            older.Execute("insert into ops.ingested_files values (1, 'o.csv', 'h', 'org_units', 'csv', 'utf-8', 'loaded', 3, 3, 0, 0, null, null, null, now(), now())");
        }
        using var upgraded = WarehouseSchema.Open(path, Clock);
        Assert.Equal(WarehouseSchema.Migrations.Count, WarehouseDatabase.SchemaVersion(upgraded));
        Assert.Equal(Enumerable.Range(1, WarehouseSchema.Migrations.Count).Select(v => (long)v), upgraded.Query("select version from ops.schema_version order by 1", r => r.GetInt64(0)));
        Assert.Equal(1L, upgraded.Scalar<long>("select count(*) from ops.ingested_files"));
        Assert.Equal(0L, upgraded.Scalar<long>("select count(*) from ops.job_runs"));
    }

    [Fact]
    public void MigrationsWithAGap_AreRejected() =>
        Assert.Throws<ArgumentException>(() => Migrator.Apply(Memory(), [new(1, "one", "select 1"), new(3, "three", "select 1")], Clock));

    [Fact]
    public void OneCopyOfEachRow_KeepsEveryLoadedRow_AndMovesOnlyTheReplacedOnesToHistory()
    {
        // A warehouse of the last version with two copies: raw held both loads of B02, core only the second.
        using var c = Memory();
        Migrator.Apply(c, WarehouseSchema.Migrations.Where(m => m.Version < 12).ToList(), Clock);
        c.Execute("""
            insert into ops.ingested_files (file_id, file_name, content_hash, status, rows_read, rows_loaded, rows_quarantined, duplicates_skipped, started_at, finished_at)
            values (1, 'org_units.csv', 'h1', 'loaded', 2, 2, 0, 0, now(), now()), (2, 'org_units_fix.csv', 'h2', 'loaded', 1, 1, 0, 0, now(), now());
            insert into raw.org_units (unit_id, unit_name, unit_type, _file_id, _file_name, _content_hash, _row_no, _loaded_at) values
                ('B01', '第一党支部', '党支部', 1, 'org_units.csv', 'h1', 2, '2026-09-01 08:00:00+00'),
                ('B02', '第二党支部', '党支部', 1, 'org_units.csv', 'h1', 3, '2026-09-01 08:00:00+00'),
                ('B02', '第二党支部（更正）', '党支部', 2, 'org_units_fix.csv', 'h2', 2, '2026-10-01 08:00:00+00');
            insert into core.org_units (unit_id, unit_name, unit_type, _file_id, _row_no, _updated_at) values
                ('B01', '第一党支部', '党支部', 1, 2, '2026-09-01 08:00:00+00'),
                ('B02', '第二党支部（更正）', '党支部', 2, 2, '2026-10-01 08:00:00+00');
            """);
        var before = c.Query("select unit_id || '|' || unit_name || '|' || _file_name || '|' || _content_hash || '|' || _row_no || '|' || _loaded_at from raw.org_units order by all", r => r.GetString(0));

        Assert.Equal([12], Migrator.Apply(c, WarehouseSchema.Migrations.Where(m => m.Version <= 12).ToList(), Clock).Select(m => m.Version).Where(v => v >= 12));

        Assert.Equal(before, c.Query("select unit_id || '|' || unit_name || '|' || _file_name || '|' || _content_hash || '|' || _row_no || '|' || _loaded_at from raw.org_units order by all", r => r.GetString(0)));
        Assert.Equal(["B02|第二党支部|1"], c.Query("select unit_id || '|' || unit_name || '|' || _file_id from history.org_units", r => r.GetString(0)));
        Assert.Equal("VIEW", c.Scalar<string>("select table_type from information_schema.tables where table_schema = 'raw' and table_name = 'org_units'"));
    }
}

public class WarehouseDatabaseTests
{
    [Fact]
    public void MemoryLimit_ThatIsNoSize_IsRefusedWithAnExample()
    {
        var path = Path.Combine(Path.GetTempPath(), "kfr-mem-" + Guid.NewGuid().ToString("N")[..8], "w.duckdb");
        var ex = Assert.Throws<ArgumentException>(() => WarehouseSchema.Open(path, memoryLimit: "lots"));
        Assert.Contains("such as 4GB", ex.Message);
    }

    [Fact]
    public void MemoryLimit_IsApplied()
    {
        using var w = new TempWarehouse();
        using var c = WarehouseSchema.Open(Path.Combine(w.Root, "other.duckdb"), memoryLimit: "512MB");
        Assert.Equal("488.2 MiB", c.Scalar<string>("select current_setting('memory_limit')"));
    }
}
