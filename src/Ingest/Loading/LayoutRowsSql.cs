using Analytics.Ingest.Contracts;
using Analytics.Ingest.Reading;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Ingest.Loading;

/// <summary>
/// Separates the staged rows that are layout, not records: a 合计/小计 line or a 填表人/审核人/备注 line under the
/// records (its first cell says what it is, and it leaves a required value empty or is one text merged across the
/// row), and a template's example row left in place (its first cell starts with 【示例】; found with the header). They go
/// to <c>layout_rows</c>; the records go on as the view <c>stage</c>.
/// </summary>
public static class LayoutRowsSql
{
    public const string FooterPattern = "^(合计|小计|总计|共计|累计|填表人|填报人|制表人|审核人|审批人|负责人|联系人|联系电话|填表日期|填报日期|填表单位|备注|说明|注[:：])";

    /// <returns>The number of staged rows that were layout.</returns>
    /// <param name="exampleRowNos">The rows under the header that a template left as its example (found with the header).</param>
    public static long Separate(DuckDBConnection connection, StagedFile staged, LedgerContract contract, IReadOnlyList<long> exampleRowNos)
    {
        var cells = staged.StageColumns.Select(c => $"nullif(trim({SqlExtensions.Identifier(c)}), '')").ToList();
        var firstCell = cells.Count == 1 ? cells[0] : $"coalesce({string.Join(", ", cells)})";
        var requiredEmpty = string.Join(" or ", contract.RequiredColumns.Select(c => $"{SqlExtensions.Identifier(c.Name)} is null"));
        // A line merged across the row (填表人：… over every column) fills each cell with the same text: its first two
        // cells are equal. Cheap tests first, so the pattern is matched only on the few rows that pass them (a list of
        // every cell per row made the staging of 5 million rows four times slower).
        var first = SqlExtensions.Identifier(staged.StageColumns[0]);
        var oneText = cells.Count == 1 ? "true" : $"{first} = {SqlExtensions.Identifier(staged.StageColumns[1])}";
        var text = $"concat_ws(' ', {string.Join(", ", cells)})";
        // The footer test reads only the file's own columns, so it is applied while the rows are read (a filter on the
        // computed row number would make the view produce every row first: 1.1 s of 5 million); the example rows were
        // found with the header.
        var examples = exampleRowNos.Count == 0 ? "" : $"""
            union all
            select row_no, 'example', {text}
            from {StagedFile.Table}
            where row_no in ({string.Join(", ", exampleRowNos)})
            """;
        connection.Execute($"""
            create or replace temp table layout_rows as
            select row_no, 'footer' as kind, {text} as row_text
            from {StagedFile.Table}
            where ({requiredEmpty} or {oneText}) and regexp_matches({firstCell}, {SqlExtensions.Literal(FooterPattern)})
            {examples}
            """);
        var layout = connection.Scalar<long>("select count(*) from layout_rows");
        connection.Execute(layout == 0
            ? $"create or replace temp view stage as select * from {StagedFile.Table}"
            : $"create or replace temp view stage as select * from {StagedFile.Table} where row_no not in (select row_no from layout_rows)");
        return layout;
    }
}
