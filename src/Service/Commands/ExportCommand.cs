using Analytics.Warehouse;
using Analytics.Model;
using Analytics.Service.Cli;
using Analytics.Service.Stages;

namespace Analytics.Service.Commands;

/// <summary><c>analytics export --parquet DIR</c>: the marts as Hive-partitioned Parquet, for tools beyond one machine.</summary>
public static class ExportCommand
{
    public static int Run(AnalyticsSettings settings, TimeProvider clock, TextWriter output, string directory)
    {
        using var connection = new Pipeline(settings, clock).OpenWarehouse();
        var exported = ParquetExporter.Export(connection, directory);
        var table = new TextTable("mart", "rows", "partitioned by", "directory");
        foreach (var e in exported) table.Add(e.Table, e.Rows, e.PartitionedBy.Count == 0 ? "-" : string.Join(", ", e.PartitionedBy), e.Directory);
        output.Write(table);
        output.WriteLine($"Read them back with e.g. read_parquet('{Path.GetFullPath(directory)}/branch_month/**/*.parquet', hive_partitioning = true)");
        return 0;
    }
}
