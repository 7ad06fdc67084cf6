namespace Analytics.Ingest.Reading;

/// <summary>
/// One ledger inside an inbox file: the whole file for CSV and JSON, one worksheet of a workbook. Each part is
/// recognised by its own header, loaded in its own transaction and recorded like a file.
/// </summary>
/// <param name="Sheet">The worksheet, for workbooks; null for CSV and JSON.</param>
public sealed record LedgerPart(ProbedFile File, WorkbookSheet? Sheet, LocatedHeader Header)
{
    public string? SheetName => Sheet?.Name;

    /// <summary>How operators and organisers are told which part: the file name, and the sheet's after it.</summary>
    public string DisplayName => Sheet is null ? File.FileName : $"{File.FileName} [{Sheet.Name}]";
}

/// <summary>An inbox file read as ledgers: its parts, and the sheets that hold none (an instructions sheet, a list of options).</summary>
public sealed record LedgerFile(ProbedFile File, IReadOnlyList<LedgerPart> Parts, IReadOnlyList<string> IgnoredSheets);
