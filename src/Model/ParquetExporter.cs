using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Model;

/// <summary>One mart written as Parquet: where, how partitioned, how many rows.</summary>
public sealed record ExportedMart(string Table, string Directory, IReadOnlyList<string> PartitionedBy, long Rows);

/// <summary>
/// Writes every mart as Hive-partitioned Parquet (year=…/college_id=…/) that Spark, Trino or another DuckDB can read.
/// Partitioned by year (from month_id) and, where the mart has one, by college.
/// </summary>
public static class ParquetExporter
{
    public static IReadOnlyList<ExportedMart> Export(DuckDBConnection warehouse, string directory)
    {
        var root = Path.GetFullPath(directory);
        Directory.CreateDirectory(root);
        var tables = WarehouseMarts.Names(warehouse);
        var exported = new List<ExportedMart>();
        foreach (var table in tables)
        {
            var columns = warehouse.Query("select column_name from information_schema.columns where table_catalog = current_database() and table_schema = 'marts' and table_name = ?",
                r => r.GetString(0), table);
            var partitions = new List<string>();
            var select = "*";
            if (columns.Contains("month_id"))
            {
                select = "*, cast(left(month_id, 4) as integer) as year";
                partitions.Add("year");
            }
            if (columns.Contains("college_id")) partitions.Add("college_id");
            var target = Path.Combine(root, table);
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            var options = partitions.Count == 0
                ? "format parquet"
                : $"format parquet, partition_by ({string.Join(", ", partitions)}), overwrite_or_ignore";
            var path = partitions.Count == 0 ? Path.Combine(target, "data.parquet") : target;
            if (partitions.Count == 0) Directory.CreateDirectory(target);
            warehouse.Execute($"copy (select {select} from marts.{SqlExtensions.Identifier(table)}) to {SqlExtensions.Literal(path)} ({options})");
            exported.Add(new ExportedMart(table, target, partitions, warehouse.Scalar<long>($"select count(*) from marts.{SqlExtensions.Identifier(table)}")));
        }
        return exported;
    }
}
