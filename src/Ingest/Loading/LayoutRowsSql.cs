using Analytics.Ingest.Contracts;
using Analytics.Ingest.Reading;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Ingest.Loading;

/// <summary>
/// Separates the staged rows that are layout, not records: a 合计/小计 line or a 填表人/审核人/备注 line under the
/// records (its first cell says what it is, and it leaves a required value empty or is one text merged across the
/// row), and a template's example row left
/// in place (its first cell starts with 示例). They go to <c>layout_rows</c>; the records go on as the view <c>stage</c>.
/// </summary>
public static class LayoutRowsSql
{
    public const string FooterPattern = "^(合计|小计|总计|共计|累计|填表人|填报人|制表人|审核人|审批人|负责人|联系人|联系电话|填表日期|填报日期|填表单位|备注|说明|注[:：])";
    public const string ExamplePattern = "^(【示例】|\\[示例\\]|示例[:：]?|例[:：])";

    /// <summary>How many rows under the header may hold a template's example.</summary>
    private const int ExampleRows = 3;

    /// <returns>The number of staged rows that were layout.</returns>
    public static long Separate(DuckDBConnection connection, StagedFile staged, LedgerContract contract, long firstDataRowNo)
    {
        var cells = staged.StageColumns.Select(c => $"nullif(trim({SqlExtensions.Identifier(c)}), '')").ToList();
        var firstCell = cells.Count == 1 ? cells[0] : $"coalesce({string.Join(", ", cells)})";
        var requiredEmpty = string.Join(" or ", contract.RequiredColumns.Select(c => $"{SqlExtensions.Identifier(c.Name)} is null"));
        // A line merged across the row (填表人：… over every column) fills each cell with the same text.
        var oneText = cells.Count == 1 ? "true" : $"list_unique(list_value({string.Join(", ", cells)})) = 1";
        connection.Execute($"""
            create or replace temp table layout_rows as
            select row_no,
                case when row_no < {firstDataRowNo + ExampleRows} and regexp_matches({firstCell}, {SqlExtensions.Literal(ExamplePattern)}) then 'example' else 'footer' end as kind,
                concat_ws(' ', {string.Join(", ", cells)}) as row_text
            from {StagedFile.Table}
            where (row_no < {firstDataRowNo + ExampleRows} and regexp_matches({firstCell}, {SqlExtensions.Literal(ExamplePattern)}))
               or (({requiredEmpty} or {oneText}) and regexp_matches({firstCell}, {SqlExtensions.Literal(FooterPattern)}))
            """);
        var layout = connection.Scalar<long>("select count(*) from layout_rows");
        connection.Execute(layout == 0
            ? $"create or replace temp view stage as select * from {StagedFile.Table}"
            : $"create or replace temp view stage as select * from {StagedFile.Table} where row_no not in (select row_no from layout_rows)");
        return layout;
    }
}
