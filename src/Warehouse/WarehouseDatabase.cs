using DuckDB.NET.Data;

namespace Analytics.Warehouse;

/// <summary>
/// Opens the warehouse file (creating its folder as needed) and brings its schema to the latest version of the
/// migrations given: each stage owns the migrations of its own tables, and the program passes them all.
/// </summary>
public static class WarehouseDatabase
{
    /// <summary>DuckDB's own default is 80% of the machine's memory; a service sharing the machine needs a bound.</summary>
    public const string DefaultMemoryLimit = "4GB";

    /// <summary>
    /// A new warehouse file is written in the storage format of the DuckDB this program ships, not DuckDB's default (which
    /// DuckDB 0.10 can still read): its dictionary-and-FSST string compression writes the ledgers' text faster (the
    /// 25M-row attendance file's load into core: 7.0 → 5.9 s). A file keeps the format it was created in; the
    /// evaluators' snapshot is written in the default format (<see cref="SnapshotStorageVersion"/>).
    /// </summary>
    public const string StorageVersion = "v1.5.0";

    /// <summary>The format of files other programs open (the evaluators' snapshot): any DuckDB since 0.10 reads it.</summary>
    public const string SnapshotStorageVersion = "v0.10.2";

    /// <summary>
    /// Rows per row group of the warehouse, half DuckDB's 122,880. A commit that appends to a table writes its rows as
    /// row groups of their own, and the checkpoint after it rewrites whole the partly filled row groups it merges with
    /// them: with the default, the month of 100,000 member-months made the one-month model build's checkpoint rewrite up
    /// to 160,000 rows of that table alone (its last commit 0.49-0.68 s; the build 2.49-2.59 s on the large tier). With
    /// this size the build took 1.96-2.25 s, as with 30,720 (2.01-2.21 s) and better than 16,384 (2.18-2.26 s, and a
    /// file a quarter larger); the file is 11% larger than with the default (360 against 323 MB), ingest as fast.
    /// DuckDB keeps no row group size in the file: it is an <c>attach</c> option, given at every open (<see cref="Connect"/>).
    /// </summary>
    public const int RowGroupSize = 61_440;

    /// <summary>The name the warehouse file is attached under (the default catalog of its connection).</summary>
    public const string Catalog = "warehouse";

    /// <param name="memoryLimit">DuckDB memory_limit (e.g. "4GB"); beyond it, large ingests spill to &lt;warehouse&gt;.tmp/.</param>
    public static DuckDBConnection Open(string path, IEnumerable<Migration> migrations, TimeProvider? clock = null, string memoryLimit = DefaultMemoryLimit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            connection.Open();
            Attach(connection, full);
            if (!System.Text.RegularExpressions.Regex.IsMatch(memoryLimit, @"^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$"))
                throw new ArgumentException($"The memory limit '{memoryLimit}' is not a size such as 4GB or 512MB.");
            connection.Execute($"set memory_limit = '{memoryLimit}'");
            Migrator.Apply(connection, migrations, clock ?? TimeProvider.System);
            return connection;
        }
        catch (Exception ex) when (ex is not InvalidOperationException and not ArgumentException)
        {
            connection.Dispose();
            // A damaged file (truncated, corrupt) is not the end: every ledger it held is in the archive.
            var damaged = ex.Message.Contains("IO Error", StringComparison.Ordinal) && !ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase)
                          || ex.Message.Contains("corrupt", StringComparison.OrdinalIgnoreCase);
            throw new InvalidOperationException($"Cannot open the warehouse '{full}': {ex.Message.Split('\n')[0]}" +
                (damaged ? " — the file looks damaged: 'analytics rebuild' replays every archived ledger into a new warehouse" : ""), ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A connection to the warehouse file as it is (no migrations, DuckDB's memory limit), for the tools that work on
    /// a warehouse beside the current one (the rebuild): written with the warehouse's row group size all the same.</summary>
    public static DuckDBConnection Connect(string path)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            connection.Open();
            Attach(connection, Path.GetFullPath(path));
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The file attached to the connection's in-memory database and made its default catalog: only attach
    /// takes a row group size.</summary>
    private static void Attach(DuckDBConnection connection, string full)
    {
        connection.Execute($"attach {SqlExtensions.Literal(full)} as {Catalog} (storage_version '{StorageVersion}', row_group_size {RowGroupSize})");
        connection.Execute($"use {Catalog}");
    }

    public static int SchemaVersion(DuckDBConnection connection) =>
        connection.Scalar<int?>("select max(version) from ops.schema_version") ?? 0;
}
