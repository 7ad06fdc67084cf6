using Analytics.Warehouse;
using Analytics.Model;
using Analytics.Tests.Support;

namespace Analytics.Tests.Model;

public class ContractTests
{
    private static readonly MartContracts Contracts = new(
        new Dictionary<string, ColumnContract>
        {
            ["unit_id"] = new("the unit"),
            ["n"] = new("activities", Metric: "activities", Label: "活动次数", Unit: "activities", Range: [0, null]),
            ["share"] = new("a share", Metric: "share", Label: "占比", Unit: "share 0-1", Range: [0, 1]),
        },
        new Dictionary<string, ModelContract>
        {
            ["units"] = new("one row per unit", ["unit_id"], new Dictionary<string, string> { ["unit_id"] = "core.org_units.unit_id" }),
        });

    private static ModelDefinition Mart(string sql) => ModelDiscovery.Parse("marts", "queries/marts/units.sql", sql);

    private static string Fails(TempWarehouse w, string sql) =>
        Assert.Throws<InvalidOperationException>(() => new ModelBuilder(w.Connection, Contracts).Build([Mart(sql)])).Message;

    [Fact]
    public void KeptContract_CommentsEveryColumn_AndFillsTheMetricCatalogue()
    {
        using var w = TempWarehouse.WithLedgers(activities: true);
        new ModelBuilder(w.Connection, Contracts).Build([Mart("select unit_id, count(*) as n, 0.5 as share from core.activities group by unit_id")]);

        Assert.Equal(["the unit", "activities [activities]", "a share [share 0-1]"],
            w.Strings("select comment from duckdb_columns() where schema_name = 'marts' and table_name = 'units' order by column_index"));
        Assert.Equal("one row per unit", w.Strings("select comment from duckdb_tables() where schema_name = 'marts' and table_name = 'units'").Single());
        Assert.Equal(["activities|活动次数|marts.units|n", "share|占比|marts.units|share"],
            w.Strings("select metric || '|' || label_zh || '|' || model || '|' || column_name from marts.metric_catalogue order by 1"));

        // A kept mart (an incremental build) keeps its comments; one that no longer says what the contract says is rewritten.
        w.Connection.Execute("comment on column marts.units.n is 'stale'");
        w.Connection.Execute("comment on table marts.units is 'stale'");
        new ContractEnforcer(w.Connection, Contracts).Enforce([Mart("select unit_id, count(*) as n, 0.5 as share from core.activities group by unit_id")]);
        Assert.Equal("activities [activities]", w.Strings("select comment from duckdb_columns() where schema_name = 'marts' and table_name = 'units' and column_name = 'n'").Single());
        Assert.Equal("one row per unit", w.Strings("select comment from duckdb_tables() where schema_name = 'marts' and table_name = 'units'").Single());
    }

    [Fact]
    public void AMetricWithoutAChineseLabel_OrTwoMetricsUnderOneLabel_FailTheBuild()
    {
        using var w = TempWarehouse.WithLedgers(activities: true);
        MartContracts With(ColumnContract n, ColumnContract share) => Contracts with
        {
            Columns = new Dictionary<string, ColumnContract>(Contracts.Columns) { ["n"] = n, ["share"] = share },
        };
        var sql = "select unit_id, count(*) as n, 0.5 as share from core.activities group by unit_id";

        var unlabelled = Assert.Throws<InvalidOperationException>(() => new ModelBuilder(w.Connection,
            With(Contracts.Columns["n"] with { Label = null }, Contracts.Columns["share"])).Build([Mart(sql)])).Message;
        Assert.Contains("without a Chinese label: n", unlabelled);

        var shared = Assert.Throws<InvalidOperationException>(() => new ModelBuilder(w.Connection,
            With(Contracts.Columns["n"], Contracts.Columns["share"] with { Label = "活动次数" })).Build([Mart(sql)])).Message;
        Assert.Contains("one label names different metrics: 活动次数 (n, share)", shared);
    }

    [Fact]
    public void TheShippedContracts_GiveEveryMetricOneChineseLabel()
    {
        var contracts = MartContracts.Load(Path.Combine(AppContext.BaseDirectory, "queries"));
        var metrics = contracts.Columns.Values.Where(c => c.Metric is not null).ToList();
        Assert.True(metrics.Count > 30, $"only {metrics.Count} metrics in the shipped contracts");
        Assert.All(metrics, m => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m.Label ?? ""));
        Assert.Equal(metrics.Count, metrics.Select(m => m.Label).Distinct().Count());
    }

    [Fact]
    public void RepeatedKey_FailsTheBuild_NamingTheRows_AndThePreviousBuildStays()
    {
        using var w = TempWarehouse.WithLedgers(activities: true);
        new ModelBuilder(w.Connection, Contracts).Build([Mart("select unit_id, count(*) as n, 0.5 as share from core.activities group by unit_id")]);

        var message = Fails(w, "select unit_id, 1 as n, 0.5 as share from core.org_units union all select 'B01', 2, 0.5");

        Assert.Contains("primary key (unit_id)", message);
        Assert.Contains("unit_id=B01", message);
        Assert.Equal(3L, w.Scalar<long>("select count(*) from marts.units"));
    }

    [Theory]
    [InlineData("select unit_id, -1 as n, 0.5 as share from core.org_units", "n within [0, ∞]")]
    [InlineData("select unit_id, 1 as n, 1.5 as share from core.org_units", "share within [0, 1]")]
    [InlineData("select 'X9' as unit_id, 1 as n, 0.5 as share", "unit_id refers to core.org_units.unit_id")]
    [InlineData("select unit_id, 1 as n, 0.5 as share, 2 as extra from core.org_units", "columns without a description")]
    public void BrokenRule_FailsTheBuildNamingIt(string sql, string expected)
    {
        using var w = TempWarehouse.WithLedgers(activities: false);
        Assert.Contains(expected, Fails(w, sql));
    }

    [Fact]
    public void ACheckThatCannotRun_IsNamed_ThoughTheMartsChecksRunTogether()
    {
        // The key, reference and range checks run as one statement; when it cannot run, each check runs alone and the
        // one that cannot is named with DuckDB's reason.
        using var w = TempWarehouse.WithLedgers(activities: false);
        var contracts = Contracts with
        {
            Models = new Dictionary<string, ModelContract>
            {
                ["units"] = new("one row per unit", ["unit_id"], new Dictionary<string, string> { ["unit_id"] = "core.no_such_table.unit_id" }),
            },
        };
        var message = Assert.Throws<InvalidOperationException>(() => new ModelBuilder(w.Connection, contracts)
            .Build([Mart("select unit_id, 1 as n, 0.5 as share from core.org_units")])).Message;
        Assert.Contains("the check 'unit_id refers to core.no_such_table.unit_id' does not run", message);
        Assert.Contains("no_such_table", message[message.IndexOf("does not run", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void IncrementalBuild_ChecksTheKeyAndRanges_OnTheMonthsItWrote()
    {
        using var w = TempWarehouse.WithLedgers(activities: false);
        var contracts = new MartContracts(
            new Dictionary<string, ColumnContract>
            {
                ["unit_id"] = new("the unit"), ["month_id"] = new("the month"), ["n"] = new("activities", Range: [0, null]),
            },
            new Dictionary<string, ModelContract> { ["unit_months"] = new("one row per unit per month", ["unit_id", "month_id"]) });
        var mart = ModelDiscovery.Parse("marts", "queries/marts/unit_months.sql", "-- incremental: month_id\nselect 1");
        var from = new Dictionary<string, string> { ["marts.unit_months"] = "2026-11" };
        void Rows(string values)
        {
            w.Connection.Execute("create schema if not exists marts");
            w.Connection.Execute($"create or replace table marts.unit_months as select * from (values {values}) as v(unit_id, month_id, n)");
        }

        // A repeated key or a value out of range in a month the build wrote fails it, named.
        Rows("('B01', '2026-10', 1), ('B01', '2026-11', 1), ('B01', '2026-11', 2)");
        var repeated = Assert.Throws<InvalidOperationException>(() => new ContractEnforcer(w.Connection, contracts).Enforce([mart], from)).Message;
        Assert.Contains("unit_id=B01, month_id=2026-11", repeated);
        Rows("('B01', '2026-10', 1), ('B01', '2026-11', -1)");
        Assert.Contains("n within [0, ∞]", Assert.Throws<InvalidOperationException>(() => new ContractEnforcer(w.Connection, contracts).Enforce([mart], from)).Message);

        // Months before it are as the last build checked them: not read again.
        Rows("('B01', '2026-10', 1), ('B01', '2026-10', 1), ('B01', '2026-11', 1)");
        new ContractEnforcer(w.Connection, contracts).Enforce([mart], from);
        Assert.Contains("month_id=2026-10", Assert.Throws<InvalidOperationException>(() => new ContractEnforcer(w.Connection, contracts).Enforce([mart])).Message);
    }

    [Fact]
    public void IncrementalBuild_ChecksAKeyWithoutTheMonth_AgainstEveryMonth_AndChecksOnTheMonthsItWrote()
    {
        using var w = TempWarehouse.WithLedgers(activities: false);
        var contracts = new MartContracts(
            new Dictionary<string, ColumnContract>
            {
                ["activity_id"] = new("the activity"), ["month_id"] = new("the month"), ["n"] = new("records"),
            },
            new Dictionary<string, ModelContract>
            {
                ["facts"] = new("one row per activity", ["activity_id"], Checks:
                [
                    new("no negative records", "select activity_id from marts.facts where month_id >= coalesce(getvariable('incremental_from_month'), '') and n < 0"),
                ]),
            });
        var mart = ModelDiscovery.Parse("marts", "queries/marts/facts.sql", "-- incremental: month_id\nselect 1");
        var from = new Dictionary<string, string> { ["marts.facts"] = "2026-11" };
        void Rows(string values)
        {
            w.Connection.Execute("create schema if not exists marts");
            w.Connection.Execute($"create or replace table marts.facts as select * from (values {values}) as v(activity_id, month_id, n)");
        }
        string Fails() => Assert.Throws<InvalidOperationException>(() => new ContractEnforcer(w.Connection, contracts).Enforce([mart], from)).Message;

        // A new month's activity repeating one of an earlier month breaks the key; so does a null key in the new month.
        Rows("('A1', '2026-10', 1), ('A2', '2026-10', 1), ('A1', '2026-11', 1)");
        Assert.Contains("activity_id=A1", Fails());
        Rows("('A1', '2026-10', 1), (null, '2026-11', 1)");
        Assert.Contains("activity_id=null", Fails());

        // A check reads the months the build recomputed; earlier ones are as the last build checked them.
        Rows("('A1', '2026-10', -1), ('A2', '2026-11', 1)");
        new ContractEnforcer(w.Connection, contracts).Enforce([mart], from);
        Assert.Contains("no negative records", Assert.Throws<InvalidOperationException>(() => new ContractEnforcer(w.Connection, contracts).Enforce([mart])).Message);
        Rows("('A1', '2026-10', 1), ('A2', '2026-11', -1)");
        Assert.Contains("activity_id=A2", Fails());
    }

    [Fact]
    public void MartWithoutAContract_FailsTheBuild()
    {
        using var w = TempWarehouse.WithLedgers(activities: false);
        var ex = Assert.Throws<InvalidOperationException>(() =>
            new ModelBuilder(w.Connection, Contracts).Build([ModelDiscovery.Parse("marts", "queries/marts/other.sql", "select 1 as n")]));
        Assert.Contains("has no contract", ex.Message);
    }
}

public class HugeintContractTests
{
    [Fact]
    public void MartWithAHugeintColumn_FailsTheBuild()
    {
        using var w = Analytics.Tests.Support.TempWarehouse.WithLedgers(activities: true);
        var contracts = new MartContracts(
            new Dictionary<string, ColumnContract> { ["unit_id"] = new("the unit"), ["n"] = new("a sum") },
            new Dictionary<string, ModelContract> { ["sums"] = new("one row per unit", ["unit_id"]) });
        var ex = Assert.Throws<InvalidOperationException>(() => new ModelBuilder(w.Connection, contracts)
            .Build([ModelDiscovery.Parse("marts", "queries/marts/sums.sql", "select unit_id, sum(participants) as n from core.activities group by unit_id")]));
        Assert.Contains("HUGEINT", ex.Message);
    }
}
