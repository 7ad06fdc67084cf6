using Analytics.Ingest.Contracts;
using DuckDB.NET.Data;
using MiniExcelLibs;

namespace Analytics.Ingest.Reading;

/// <summary>Stages the first worksheet of an XLSX ledger, streaming its rows through the Appender.</summary>
public static class XlsxStager
{
    public static StagedFile Stage(DuckDBConnection connection, ProbedFile file, HeaderMatch header)
    {
        // HeaderPeek has already run the file past ZipBombGuard: every file is peeked before it is staged.
        using var stream = File.OpenRead(file.Path);
        IEnumerator<IDictionary<string, object?>> rows;
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>().GetEnumerator();
        }
        catch (Exception ex)
        {
            throw new LedgerFormatException($"it is not a readable XLSX workbook ({ex.Message})", ex);
        }

        using (rows)
        {
            List<string> letters;
            try
            {
                if (!rows.MoveNext()) throw new LedgerFormatException("the workbook's first sheet is empty");
                letters = rows.Current.Keys.ToList();
            }
            catch (Exception ex) when (ex is not LedgerFormatException)
            {
                throw new LedgerFormatException($"it is not a readable XLSX workbook ({ex.Message})", ex);
            }
            var columns = StageTable.ColumnNames(header);
            StageTable.Create(connection, columns);
            var staged = StageTable.Append(connection, Rows(rows, letters, file));
            return new StagedFile(header, columns, staged, []);
        }
    }

    private static IEnumerable<(long, string?[])> Rows(IEnumerator<IDictionary<string, object?>> rows, List<string> letters, ProbedFile file)
    {
        long rowNo = 1;
        while (true)
        {
            try
            {
                if (!rows.MoveNext()) yield break;
            }
            catch (Exception ex) when (ex is not LedgerFormatException)
            {
                throw new LedgerFormatException($"the workbook is damaged after row {rowNo} ({ex.Message})", ex);
            }
            rowNo++;
            var values = letters.Select(l => rows.Current.TryGetValue(l, out var v) ? CellText.From(v) : null).ToArray();
            // Blank rows between records are layout, not data: spreadsheet users leave them.
            if (values.All(string.IsNullOrWhiteSpace)) continue;
            yield return (rowNo, values);
        }
    }
}
