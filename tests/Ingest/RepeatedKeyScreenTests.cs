using Analytics.Ingest.Loading;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Tests.Ingest;

/// <summary>The screen that decides whether a file's keys need the exact duplicate path: never a repeat missed.</summary>
public sealed class RepeatedKeyScreenTests : IDisposable
{
    private readonly DuckDBConnection connection = new("DataSource=:memory:");

    public RepeatedKeyScreenTests() => connection.Open();

    public void Dispose() => connection.Dispose();

    private bool Screen(string values)
    {
        connection.Execute($"create or replace table h as {values}");
        return RepeatedKeyScreen.Any(connection, "select key_hash from h");
    }

    [Fact]
    public void DistinctHashes_AreNotARepeat()
    {
        Assert.False(Screen("select hash(i) as key_hash from range(300000) as t(i)"));
        Assert.False(Screen("select hash(1) as key_hash"));
        Assert.False(Screen("select hash(1) as key_hash where false"));
    }

    [Fact]
    public void OneRepeatAmongMany_IsFound_WhereverItIs()
    {
        Assert.True(Screen("select hash(i) as key_hash from range(300000) as t(i) union all select hash(299999)"));
        Assert.True(Screen("select hash(7) as key_hash union all select hash(i) from range(300000) as t(i)"));
        Assert.True(Screen("select 5::ubigint as key_hash union all select 5::ubigint"));
    }

    [Fact]
    public void ManyHashesSharingTheirTopBytes_AreComparedInFull()
    {
        // 40 hashes with the same top three bytes (0xABCDEF…) (more than are compared pairwise), differing only in the low bytes.
        const string shared = "select (12379813733990400000::ubigint + i::ubigint) as key_hash from range(40) as t(i)";
        Assert.False(Screen(shared));
        Assert.True(Screen(shared + " union all select 12379813733990400033::ubigint"));
        Assert.False(Screen(shared + " union all select 12379813733990465569::ubigint"));
    }

    [Fact]
    public void AColumnThatIsNotAHash_IsRefused()
    {
        connection.Execute("create or replace table h as select 'x' as key_hash");
        Assert.Throws<InvalidOperationException>(() => RepeatedKeyScreen.Any(connection, "select key_hash from h"));
    }
}
