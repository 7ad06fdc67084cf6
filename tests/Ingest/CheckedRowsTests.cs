using Analytics.Ingest.Loading;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Tests.Ingest;

/// <summary>
/// The one-pass row check as the loader reads it from DuckDB: every invalid row listed, and every key hash that two
/// valid rows share found, wherever it sits among millions (never a repeat missed).
/// </summary>
public sealed class CheckedRowsTests : IDisposable
{
    private readonly DuckDBConnection connection = new("DataSource=:memory:");

    public CheckedRowsTests() => connection.Open();

    public void Dispose() => connection.Dispose();

    /// <param name="hashes">A query of one ubigint column, key_hash; every row valid unless <paramref name="invalidEvery"/>.</param>
    /// <remarks>The rows it lets through go into the table <c>kept</c>, as the loader's go into core.</remarks>
    /// <param name="rows">How many rows the check is told to expect: those of <paramref name="hashes"/> unless given.</param>
    private CheckedRows Check(string hashes, int invalidEvery = 0, long? rows = null)
    {
        connection.Execute("create or replace temp table kept (row_no bigint, key_hash ubigint)");
        return CheckedRows.Run(connection, keepValid => $"""
            insert into kept
            select row_no, key_hash from (
                select row_number() over () as row_no, key_hash,
                    {(invalidEvery > 0 ? $"row_number() over () % {invalidEvery} <> 0" : "true")} as valid
                from ({hashes}))
            where {keepValid}
            """, rows ?? connection.Scalar<long>($"select count(*) from ({hashes})"));
    }

    [Fact]
    public void DistinctHashes_HaveNoRepeat()
    {
        Assert.Empty(Check("select hash(i) as key_hash from range(300000) as t(i)").RepeatedKeyHashes);
        Assert.Empty(Check("select hash(1) as key_hash").RepeatedKeyHashes);
        Assert.Equal((0, 0), (Check("select hash(1) as key_hash where false").RepeatedKeyHashes.Count, Check("select hash(1) as key_hash where false").InvalidRowNos.Count));
    }

    [Fact]
    public void EveryRepeatAmongMany_IsFound_OnceEach()
    {
        var found = Check("select hash(i) as key_hash from range(300000) as t(i) union all select hash(299999) union all select hash(7) union all select hash(7)");
        Assert.Equal(new ulong[] { Hash(7), Hash(299999) }.Order(), found.RepeatedKeyHashes.Order());
        Assert.Equal([5UL], Check("select 5::ubigint as key_hash union all select 5::ubigint").RepeatedKeyHashes);
    }

    [Fact]
    public void InvalidRows_AreListed_AndTheirKeysNotCounted()
    {
        // Rows 3, 6, 9 … are invalid; the repeat of hash(0) sits on row 300003, an invalid row: no repeat among the valid.
        var found = Check("select hash(i) as key_hash from range(300000) as t(i) union all select 1::ubigint union all select 2::ubigint union all select hash(0)", invalidEvery: 3);
        Assert.Equal(100_001, found.InvalidRowNos.Count);
        Assert.Equal([3L, 6L, 9L], found.InvalidRowNos.Take(3));
        Assert.Empty(found.RepeatedKeyHashes);
        // Exactly the valid rows went through.
        Assert.Equal((200_002L, 0L), (connection.Scalar<long>("select count(*) from kept"), connection.Scalar<long>("select count(*) from kept where row_no % 3 = 0")));
    }

    [Fact]
    public void ManyHashesSharingTheirTopBytes_AreComparedInFull()
    {
        // 40 hashes with the same top three bytes (0xABCDEF…), differing only in the low bytes.
        const string shared = "select (12379813733990400000::ubigint + i::ubigint) as key_hash from range(40) as t(i)";
        Assert.Empty(Check(shared).RepeatedKeyHashes);
        Assert.Equal([12379813733990400033UL], Check(shared + " union all select 12379813733990400033::ubigint").RepeatedKeyHashes);
        Assert.Empty(Check(shared + " union all select 12379813733990465569::ubigint").RepeatedKeyHashes);
    }

    [Fact]
    public void MoreOrFewerRowsThanStaged_OrColumnsOfAnotherType_AreRefused()
    {
        Assert.Throws<InvalidOperationException>(() => Check("select hash(i) as key_hash from range(3000) as t(i)", rows: 2000));
        // Fewer rows than staged: some row went unchecked, and would be neither loaded nor quarantined.
        Assert.Contains("2999 of the 3000", Assert.Throws<InvalidOperationException>(() =>
            Check("select hash(i) as key_hash from range(2999) as t(i)", rows: 3000)).Message);
        Assert.Throws<DuckDBException>(() => CheckedRows.Run(connection, keepValid => $"select count(*) from (select true as valid, 'x' as key_hash, 1 as row_no) where {keepValid}", 1));
    }

    [Fact]
    public void AFailingCheck_ThrowsDuckDbsOwnError()
    {
        var error = Assert.Throws<DuckDBException>(() => CheckedRows.Run(connection, keepValid => $"""
            create table kept_then_failed as
            select * from (select cast('x' || i as integer) > 0 as valid, hash(i) as key_hash, i as row_no from range(10) as t(i))
            where {keepValid}
            """, 10));
        Assert.Contains("Could not convert", error.Message);
    }

    private ulong Hash(long value) => connection.Scalar<ulong>($"select hash({value})");
}
