using Analytics.Ingest.Contracts;
using ExcelDataReader;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Analytics.Ingest.Reading;

/// <summary>
/// Reads the sheets of an XLSX (MiniExcel, streaming) or XLS (ExcelDataReader) workbook as text rows. Formulas give
/// their cached values, never their text; merged cells are filled, so a header merged over several columns or rows
/// names each of them.
/// </summary>
public static class WorkbookReader
{
    /// <summary>An XLS sheet holds at most 65,536 rows of 256 cells, so it is read whole to fill its merged cells.</summary>
    private const int XlsMaxRows = 65_536;

    public static IReadOnlyList<WorkbookSheet> Sheets(ProbedFile file) => file.Format switch
    {
        LedgerFormat.Xlsx => XlsxSheets(file),
        LedgerFormat.Xls => XlsSheets(file),
        _ => throw new ArgumentException($"{file.FileName} is not a workbook.", nameof(file)),
    };

    private static IReadOnlyList<WorkbookSheet> XlsxSheets(ProbedFile file)
    {
        ZipBombGuard.Check(file.Path); // before anything inflates it: the reader loads shared strings whole
        try
        {
            var configuration = new OpenXmlConfiguration { FillMergedCells = true };
            return MiniExcel.GetSheetInformations(file.Path)
                .Select(info => new WorkbookSheet(info.Name, info.State != SheetState.Visible,
                    () => XlsxRows(file, info.Name, configuration)))
                .ToList();
        }
        catch (Exception ex) when (ex is not LedgerFormatException)
        {
            throw new LedgerFormatException($"it is not a readable XLSX workbook ({ex.Message})", ex);
        }
    }

    private static IEnumerable<SheetRow> XlsxRows(ProbedFile file, string sheet, OpenXmlConfiguration configuration)
    {
        using var stream = File.OpenRead(file.Path);
        IEnumerator<IDictionary<string, object?>> rows;
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX, configuration: configuration)
                .Cast<IDictionary<string, object?>>().GetEnumerator();
        }
        catch (Exception ex)
        {
            throw new LedgerFormatException($"it is not a readable XLSX workbook ({ex.Message})", ex);
        }
        using (rows)
        {
            long rowNo = 0;
            while (true)
            {
                try
                {
                    if (!rows.MoveNext()) yield break;
                }
                catch (Exception ex) when (ex is not LedgerFormatException)
                {
                    throw new LedgerFormatException(rowNo == 0
                        ? $"it is not a readable XLSX workbook ({ex.Message})"
                        : $"the workbook is damaged after row {rowNo} of sheet '{sheet}' ({ex.Message})", ex);
                }
                rowNo++;
                // MiniExcel names cells by column letter, and a row lists only the columns up to its last cell.
                var cells = rows.Current;
                var width = cells.Keys.Select(ColumnIndex).DefaultIfEmpty(-1).Max() + 1;
                var values = new string?[width];
                foreach (var (letters, value) in cells) values[ColumnIndex(letters)] = CellText.From(value);
                yield return new SheetRow(rowNo, values);
            }
        }
    }

    /// <summary>A = 0, B = 1, …, AA = 26.</summary>
    public static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var c in letters) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }

    private static IReadOnlyList<WorkbookSheet> XlsSheets(ProbedFile file)
    {
        var sheets = new List<WorkbookSheet>();
        try
        {
            using var stream = File.OpenRead(file.Path);
            using var reader = ExcelReaderFactory.CreateBinaryReader(stream);
            do
            {
                var rows = new List<SheetRow>();
                long rowNo = 0;
                while (reader.Read())
                {
                    if (++rowNo > XlsMaxRows) throw new LedgerFormatException($"sheet '{reader.Name}' has more rows than an .xls workbook can hold");
                    var values = new string?[reader.FieldCount];
                    for (var i = 0; i < values.Length; i++) values[i] = CellText.From(reader.GetValue(i));
                    rows.Add(new SheetRow(rowNo, values));
                }
                FillMerged(rows, reader.MergeCells);
                var name = reader.Name ?? $"Sheet{sheets.Count + 1}";
                var hidden = !string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase);
                sheets.Add(new WorkbookSheet(name, hidden, () => rows));
            } while (reader.NextResult());
        }
        catch (Exception ex) when (ex is not LedgerFormatException)
        {
            throw new LedgerFormatException($"it is not a readable .xls workbook ({ex.Message}); save it again as .xlsx", ex);
        }
        return sheets;
    }

    /// <summary>Gives every cell of a merged range the value of its top-left cell, as a reader of the sheet sees it.</summary>
    private static void FillMerged(List<SheetRow> rows, CellRange[]? merged)
    {
        foreach (var range in merged ?? [])
        {
            if (range.FromRow >= rows.Count) continue;
            var source = rows[range.FromRow].Cells;
            var value = range.FromColumn < source.Length ? source[range.FromColumn] : null;
            if (value is null) continue;
            for (var r = range.FromRow; r <= Math.Min(range.ToRow, rows.Count - 1); r++)
            {
                var cells = rows[r].Cells;
                for (var c = range.FromColumn; c <= Math.Min(range.ToColumn, cells.Length - 1); c++) cells[c] = value;
            }
        }
    }
}
