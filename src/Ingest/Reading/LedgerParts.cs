using Analytics.Ingest.Contracts;

namespace Analytics.Ingest.Reading;

/// <summary>
/// Reads only what decides how a file loads: which ledgers it holds and where their headers are, so that files can be
/// ordered by kind before any is loaded. A workbook's sheets are each recognised by their own header; a sheet that
/// holds no ledger is ignored when another sheet does, and the file is refused when none does.
/// </summary>
public static class LedgerParts
{
    public static LedgerFile Open(ProbedFile file, HeaderMatcher matcher) => file.Format switch
    {
        LedgerFormat.Csv => new LedgerFile(file, [new LedgerPart(file, null, HeaderLocator.Locate(CsvFirstRecords(file), matcher))], []),
        LedgerFormat.Json => new LedgerFile(file, [new LedgerPart(file, null, LocatedHeader.Plain(JsonHeader(file, matcher)))], []),
        LedgerFormat.Xlsx or LedgerFormat.Xls => Workbook(file, matcher),
        _ => throw new ArgumentOutOfRangeException(nameof(file)),
    };

    private static HeaderMatch JsonHeader(ProbedFile file, HeaderMatcher matcher)
    {
        using var document = JsonStager.Parse(file);
        return matcher.Match(JsonStager.Keys(document.RootElement));
    }

    /// <summary>The first records of a CSV file, numbered as a spreadsheet shows them (blank lines count).</summary>
    private static List<SheetRow> CsvFirstRecords(ProbedFile file)
    {
        using var reader = new StreamReader(file.Path, FileProbe.EncodingFor(file.Encoding!), detectEncodingFromByteOrderMarks: true);
        var records = new CsvRecordReader(reader, file.Delimiter);
        var rows = new List<SheetRow>();
        var nonBlank = 0;
        while (nonBlank < HeaderLocator.RowsLooked && records.Read() is { } record)
        {
            var row = new SheetRow(rows.Count + 1, record.Select(f => f.TrimStart('\uFEFF')).ToArray<string?>());
            rows.Add(row);
            if (!row.IsBlank) nonBlank++;
        }
        if (rows.Count == 0) throw new LedgerFormatException("the file has no header row");
        return rows;
    }

    /// <summary>How many lines of a CSV file come before its first record row: the header and what stands above it.</summary>
    public static long CsvLinesBeforeData(ProbedFile file, LocatedHeader header)
    {
        using var reader = new StreamReader(file.Path, FileProbe.EncodingFor(file.Encoding!), detectEncodingFromByteOrderMarks: true);
        var records = new CsvRecordReader(reader, file.Delimiter);
        for (var i = 1; i < header.FirstDataRowNo && records.Read() is not null; i++) { }
        return records.LinesRead;
    }

    private static LedgerFile Workbook(ProbedFile file, HeaderMatcher matcher)
    {
        var sheets = WorkbookReader.Sheets(file);
        var parts = new List<LedgerPart>();
        var ignored = new List<string>();
        LedgerFormatException? firstError = null;
        foreach (var sheet in sheets)
        {
            var head = FirstRows(sheet);
            if (head.All(r => r.IsBlank)) { ignored.Add($"'{sheet.Name}' (empty)"); continue; }
            try
            {
                parts.Add(new LedgerPart(file, sheet, HeaderLocator.Locate(head, matcher)));
            }
            catch (LedgerFormatException ex)
            {
                if (!sheet.IsHidden) firstError ??= ex;
                ignored.Add($"'{sheet.Name}' ({(sheet.IsHidden ? "hidden, " : "")}no ledger header)");
            }
        }
        if (parts.Count == 0)
            throw firstError is null
                ? new LedgerFormatException("the workbook has no sheet with a ledger in it (every sheet is empty or hidden)")
                : new LedgerFormatException((sheets.Count > 1 ? "no sheet of the workbook holds a ledger; the first: " : "") + firstError.Message, firstError);
        return new LedgerFile(file, parts, ignored);
    }

    private static List<SheetRow> FirstRows(WorkbookSheet sheet)
    {
        var rows = new List<SheetRow>();
        var nonBlank = 0;
        foreach (var row in sheet.ReadRows())
        {
            rows.Add(row);
            if (!row.IsBlank && ++nonBlank >= HeaderLocator.RowsLooked) break;
        }
        return rows;
    }
}
