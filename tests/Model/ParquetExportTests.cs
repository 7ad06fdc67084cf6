using Analytics.Warehouse;
using Analytics.Model;
using DuckDB.NET.Data;

namespace Analytics.Tests.Model;

public class ParquetExportTests(BranchMonthFixture f) : IClassFixture<BranchMonthFixture>
{
    [Fact]
    public void EveryMart_ReadsBackFromHivePartitionedParquet_RowForRow()
    {
        var dir = Path.Combine(f.Warehouse.Root, "parquet");
        var exported = ParquetExporter.Export(f.Warehouse.Connection, dir);

        Assert.Contains(exported, e => e.Table == "branch_month" && e.PartitionedBy.SequenceEqual(["year", "college_id"]));
        Assert.True(Directory.Exists(Path.Combine(dir, "branch_month", "year=2026", "college_id=C01")));
        // Another DuckDB, with nothing but the files, reads the same rows.
        using var reader = new DuckDBConnection("DataSource=:memory:");
        reader.Open();
        foreach (var mart in exported)
        {
            var columns = f.Warehouse.Connection.Query(
                "select column_name from information_schema.columns where table_schema = 'marts' and table_name = ? order by ordinal_position", r => r.GetString(0), mart.Table);
            var list = string.Join(", ", columns.Select(SqlExtensions.Identifier));
            var files = mart.PartitionedBy.Count == 0 ? $"{mart.Directory}/*.parquet" : $"{mart.Directory}/**/*.parquet";
            // An order-independent fingerprint of every row.
            var fingerprint = $"select count(*) || ':' || coalesce(sum(hash(row({list})) % 1000000007), 0)";
            var expected = f.Warehouse.Connection.Scalar<string>($"{fingerprint} from marts.{SqlExtensions.Identifier(mart.Table)}");
            var actual = reader.Scalar<string>($"{fingerprint} from read_parquet({SqlExtensions.Literal(files)}, hive_partitioning = true, hive_types_autocast = false, union_by_name = true)");
            Assert.True(expected == actual, $"{mart.Table}: warehouse {expected}, parquet {actual}");
        }
    }
}
