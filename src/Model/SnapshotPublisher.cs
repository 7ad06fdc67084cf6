using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Model;

/// <summary>
/// Publishes the evaluators' snapshot: the marts copied into a new DuckDB file, checkpointed and closed, then renamed
/// over the previous snapshot. A reader that has the old file open keeps reading it; a reader that opens the path
/// afterwards sees the new one; nobody ever sees a half-written file.
/// </summary>
public static class SnapshotPublisher
{
    public static IReadOnlyList<string> Publish(DuckDBConnection warehouse, string snapshotPath)
    {
        var target = Path.GetFullPath(snapshotPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        RemoveAbandoned(target);
        var temp = $"{target}.{Guid.NewGuid():N}.tmp";
        var tables = WarehouseMarts.Names(warehouse);
        warehouse.Execute($"attach {SqlExtensions.Literal(temp)} as kf_snapshot (storage_version '{WarehouseDatabase.SnapshotStorageVersion}')");
        try
        {
            warehouse.Execute("create schema kf_snapshot.marts");
            foreach (var table in tables)
                warehouse.Execute($"create table kf_snapshot.marts.{SqlExtensions.Identifier(table)} as select * from marts.{SqlExtensions.Identifier(table)}");
            // Copies lose comments: carry them over, so `describe` in any client explains the data.
            foreach (var (table, column, comment) in warehouse.Query(
                "select table_name, column_name, comment from duckdb_columns() where database_name = current_database() and schema_name = 'marts' and comment is not null",
                r => (r.GetString(0), r.GetString(1), r.GetString(2))))
                warehouse.Execute($"comment on column kf_snapshot.marts.{SqlExtensions.Identifier(table)}.{SqlExtensions.Identifier(column)} is {SqlExtensions.Literal(comment)}");
            foreach (var (table, comment) in warehouse.Query(
                """
                select table_name, comment from duckdb_tables() where database_name = current_database() and schema_name = 'marts' and comment is not null
                union all
                select view_name, comment from duckdb_views() where database_name = current_database() and schema_name = 'marts' and comment is not null
                """,
                r => (r.GetString(0), r.GetString(1))))
                warehouse.Execute($"comment on table kf_snapshot.marts.{SqlExtensions.Identifier(table)} is {SqlExtensions.Literal(comment)}");
            warehouse.Execute("checkpoint kf_snapshot");
        }
        catch
        {
            warehouse.Execute("detach kf_snapshot");
            File.Delete(temp);
            throw;
        }
        warehouse.Execute("detach kf_snapshot");
        File.Move(temp, target, overwrite: true);
        return tables;
    }

    /// <summary>
    /// Removes the half-written copies (and their WAL files) of a publish that was killed: only one process can
    /// build at a time (it holds the warehouse), so any temp copy found here belongs to a dead one.
    /// </summary>
    private static void RemoveAbandoned(string target)
    {
        var folder = Path.GetDirectoryName(target)!;
        foreach (var stale in Directory.EnumerateFiles(folder, Path.GetFileName(target) + ".*.tmp*"))
            File.Delete(stale);
    }
}
