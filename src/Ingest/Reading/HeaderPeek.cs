using System.Text.Json;
using Analytics.Ingest.Contracts;
using MiniExcelLibs;

namespace Analytics.Ingest.Reading;

/// <summary>Reads only a ledger's header, so files can be ordered by kind before any is loaded.</summary>
public static class HeaderPeek
{
    public static IReadOnlyList<string> Read(ProbedFile file)
    {
        switch (file.Format)
        {
            case LedgerFormat.Csv:
                using (var reader = new StreamReader(file.Path, FileProbe.EncodingFor(file.Encoding!), detectEncodingFromByteOrderMarks: true))
                    return new CsvRecordReader(reader, file.Delimiter).Read() ?? throw new LedgerFormatException("the file has no header row");
            case LedgerFormat.Xlsx:
                ZipBombGuard.Check(file.Path); // before anything inflates it: the reader loads shared strings whole
                try
                {
                    using var stream = File.OpenRead(file.Path);
                    var first = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
                        .Cast<IDictionary<string, object?>>().FirstOrDefault()
                        ?? throw new LedgerFormatException("the workbook's first sheet is empty");
                    return first.Values.Select(v => CellText.From(v) ?? "").ToList();
                }
                catch (Exception ex) when (ex is not LedgerFormatException)
                {
                    throw new LedgerFormatException($"it is not a readable XLSX workbook ({ex.Message})", ex);
                }
            case LedgerFormat.Json:
                using (var document = JsonStager.Parse(file))
                    return JsonStager.Keys(document.RootElement);
            default:
                throw new ArgumentOutOfRangeException(nameof(file));
        }
    }
}
