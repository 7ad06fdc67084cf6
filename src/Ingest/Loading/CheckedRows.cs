using Analytics.Warehouse;
using DuckDB.NET.Data;
using DuckDB.NET.Data.DataChunk.Reader;
using DuckDB.NET.Data.DataChunk.Writer;

namespace Analytics.Ingest.Loading;

/// <summary>
/// The outcome of checking every row of a file in the pass that loads it: the rows that broke a rule, and the key
/// hashes that more than one valid row shares. DuckDB checks the rows on every core and hands each vector of outcomes
/// to a .NET function that keeps them and lets only the valid rows through: the typed rows are worked out once, by the
/// statement that inserts them, and nothing of 25 million rows is written into a table or a query result on the way
/// (the attendance file of <c>bench ingest</c>: a check pass of its own took 3.6 s before an insert that typed every
/// row again; a temp table read twice 3.6 s + 2.2–2.9 s; DuckDB's streaming result 6.2 s).
/// </summary>
public sealed record CheckedRows(IReadOnlyList<long> InvalidRowNos, IReadOnlyCollection<ulong> RepeatedKeyHashes)
{
    private static long functions;

    /// <param name="statement">
    /// The statement to run (an insert), given the condition that keeps exactly the valid rows: it is written over the
    /// columns valid (boolean, never null), key_hash (ubigint) and row_no (bigint) of the rows the statement reads.
    /// </param>
    /// <param name="rows">How many rows the statement reads: each is checked exactly once, or the statement fails.</param>
    public static unsafe CheckedRows Run(DuckDBConnection connection, Func<string, string> statement, long rows, params object?[] parameters)
    {
        var hashes = (ulong*)LargeBuffer.Allocate(rows);
        try
        {
            var sink = new Sink(hashes, rows);
            // A function of this statement alone (the connection lives on): DuckDB.NET cannot drop one it registered.
            var name = $"kf_keep_checked_{Interlocked.Increment(ref functions)}";
            connection.RegisterScalarFunction<bool, ulong, bool>(name, sink.Keep, new ScalarFunctionOptions { IsPureFunction = false });
            var kept = connection.Execute(statement($"{name}(valid, case when valid then key_hash else row_no::ubigint end)"), parameters);
            // Every row accounted for: a row the function never saw would be neither loaded nor quarantined, and one
            // more than staged (its hash not kept: the buffer holds the rows staged) would go unscreened.
            if (sink.Valid + sink.Invalid.Count != rows)
                throw new InvalidOperationException($"The row checks saw {sink.Valid + sink.Invalid.Count} of the {rows} rows staged.");
            if (kept != sink.Valid)
                throw new InvalidOperationException($"The row checks passed {sink.Valid} valid rows and the statement kept {kept}.");
            var invalid = sink.Invalid.ToList();
            invalid.Sort();
            // The pass itself is traced as the statement above; the screen after it is .NET's own work.
            var started = SqlTrace.Enabled ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
            var repeats = RepeatedKeyScreen.Repeats(hashes, sink.Valid);
            if (SqlTrace.Enabled) SqlTrace.Write($"(key screen over {sink.Valid} hashes, in .NET)", started);
            return new CheckedRows(invalid, repeats);
        }
        finally
        {
            LargeBuffer.Free(hashes);
        }
    }

    /// <summary>
    /// The outcome as the temp tables <see cref="ValidationSql"/> reads: <see cref="ValidationSql.InvalidRows"/> when
    /// some row broke a rule, <see cref="ValidationSql.RepeatedKeys"/> when some key hash repeats.
    /// </summary>
    public void WriteTo(DuckDBConnection connection)
    {
        if (InvalidRowNos.Count > 0)
        {
            connection.Execute($"create or replace temp table {ValidationSql.InvalidRows} (row_no bigint)");
            using var appender = connection.CreateAppender(ValidationSql.InvalidRows);
            foreach (var rowNo in InvalidRowNos) appender.CreateRow().AppendValue(rowNo).EndRow();
        }
        if (RepeatedKeyHashes.Count > 0)
        {
            connection.Execute($"create or replace temp table {ValidationSql.RepeatedKeys} (key_hash ubigint)");
            using var appender = connection.CreateAppender(ValidationSql.RepeatedKeys);
            foreach (var keyHash in RepeatedKeyHashes) appender.CreateRow().AppendValue(keyHash).EndRow();
        }
    }

    /// <summary>
    /// What the function keeps, from DuckDB's threads: the valid rows' key hashes in one buffer, the invalid rows'
    /// numbers. It passes the valid rows on (true) and holds the invalid back (false).
    /// </summary>
    private sealed unsafe class Sink(ulong* hashes, long capacity)
    {
        private long valid;
        public long Valid => Volatile.Read(ref valid);
        public System.Collections.Concurrent.ConcurrentBag<long> Invalid { get; } = [];

        public void Keep(IReadOnlyList<IDuckDBDataReader> columns, IDuckDBDataWriter result, ulong rows)
        {
            var (isValid, value) = (columns[0], columns[1]);
            // Each flag read once (a call through the reader): a vector holds at most 2048 rows.
            Span<bool> passes = rows <= 4096 ? stackalloc bool[(int)rows] : new bool[rows];
            var validRows = 0L;
            for (var i = 0; i < passes.Length; i++)
                if (passes[i] = isValid.GetValue<bool>((ulong)i)) validRows++;
            var at = Interlocked.Add(ref valid, validRows) - validRows;
            // Counted in full (Run refuses more rows than staged), kept only as far as the buffer goes.
            var end = Math.Min(at + validRows, capacity);
            for (var i = 0; i < passes.Length; i++)
            {
                if (passes[i])
                {
                    if (at < end) hashes[at++] = value.GetValue<ulong>((ulong)i);
                }
                else Invalid.Add((long)value.GetValue<ulong>((ulong)i));
                result.WriteValue(passes[i], (ulong)i);
            }
        }
    }
}
