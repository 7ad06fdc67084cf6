using DuckDB.NET.Data;

namespace Analytics.Ingest.Reading;

/// <summary>Stages the records of one worksheet (the rows under its header), streaming them through the Appender.</summary>
public static class SheetStager
{
    public static StagedFile Stage(DuckDBConnection connection, LedgerPart part)
    {
        var header = part.Header;
        var columns = StageTable.ColumnNames(header.Match);
        StageTable.Create(connection, columns);
        var staged = StageTable.Append(connection, Records(part.Sheet!, header.FirstDataRowNo, columns.Count));
        return new StagedFile(header.Match, columns, staged, []);
    }

    private static IEnumerable<(long, string?[])> Records(WorkbookSheet sheet, long firstRowNo, int width)
    {
        foreach (var row in sheet.ReadRows())
        {
            // Blank rows between records are layout, not data: spreadsheet users leave them.
            if (row.RowNo < firstRowNo || row.IsBlank) continue;
            var values = new string?[width];
            Array.Copy(row.Cells, values, Math.Min(width, row.Cells.Length));
            yield return (row.RowNo, values);
        }
    }
}
