using System.Text;
using Analytics.Ingest.Contracts;
using Analytics.Ingest.Loading;
using Analytics.Ingest.Reading;
using Analytics.Ingest.Spreadsheets;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Ingest.Feedback;

/// <summary>
/// The 问题清单 an organiser gets for each file they sent that had anything to report: an XLSX (and the same as CSV)
/// beside the archived file, its first lines the counts (read, loaded, to correct, duplicates), then one line per
/// problem: sheet, row, column by its Chinese header, the value as written, the problem and the fix, in Chinese.
/// Everything in it is read from the warehouse, so it is written again, the same, for a file a crashed run left.
/// </summary>
public static class FeedbackWriter
{
    public const string Suffix = ".问题清单";

    /// <param name="archivedPath">Where the file is about to be archived; the list goes beside it.</param>
    /// <returns>The XLSX written, or null when the file had nothing to report.</returns>
    public static string? Write(DuckDBConnection connection, LedgerFile file, IReadOnlyList<FileOutcome> outcomes, string archivedPath)
    {
        var isWorkbook = file.Parts.Any(p => p.Sheet is not null);
        var summary = new List<string>();
        var lines = new List<FeedbackLine>();
        foreach (var outcome in outcomes)
        {
            var part = file.Parts.First(p => p.SheetName == outcome.SheetName);
            var where = isWorkbook ? $"工作表“{outcome.SheetName}”" : "本文件";
            if (outcome.Status == FileStatus.Rejected)
            {
                summary.Add($"{where}未能导入：{RejectionText.Chinese(outcome.Message ?? "")}。");
                continue;
            }
            if (outcome.FileId is not { } fileId) continue;
            var counts = connection.Query("""
                select rows_read, rows_loaded, rows_quarantined, duplicates_skipped from ops.ingested_files where file_id = ?
                """, r => (Read: r.GetInt64(0), Loaded: r.GetInt64(1), Quarantined: r.GetInt64(2), Duplicates: r.GetInt64(3)), fileId).Single();
            var contract = part.Header.Match.Contract;
            var partLines = Lines(connection, fileId, contract, outcome.SheetName);
            var skipped = partLines.Count(l => l.Kind == LineKind.Layout);
            var text = new StringBuilder($"{where}（{contract.ChineseName}）共读取 {counts.Read} 行记录：导入 {counts.Loaded} 行");
            text.Append(counts.Quarantined > 0 ? $"，{counts.Quarantined} 行有问题未导入，请按下表更正后重新报送这些行" : "，没有需要更正的行");
            if (counts.Duplicates > 0) text.Append($"，{counts.Duplicates} 行与前面的行完全相同，已按一行导入");
            if (skipped > 0) text.Append($"；另有 {skipped} 行是标题、合计、签名或示例，未作为记录导入");
            // The same words whether the file was loaded just now or by a run that crashed before archiving it: the
            // list is the file's, and a re-run writes the same bytes.
            summary.Add(text.Append('。').ToString());
            lines.AddRange(partLines);
        }
        if (lines.Count == 0 && outcomes.All(o => o.Status != FileStatus.Rejected)) return null;

        return Save(archivedPath, file.File.FileName, summary, isWorkbook, lines);
    }

    /// <summary>The list beside a file that could not be read at all: why, in Chinese, and what to do.</summary>
    public static string WriteRejected(string rejectedPath, string fileName, string englishReason) =>
        Save(rejectedPath, fileName, [$"本文件未能导入：{RejectionText.Chinese(englishReason)}。请修改后重新报送整个文件。"], false, []);

    private static string Save(string besidePath, string fileName, List<string> summary, bool isWorkbook, List<FeedbackLine> lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(besidePath)!);
        var basePath = Path.Combine(Path.GetDirectoryName(besidePath)!, Path.GetFileNameWithoutExtension(besidePath) + Suffix);
        var header = new List<string> { "行号", "列", "填写内容", "问题", "修改建议", "类别" };
        if (isWorkbook) header.Insert(0, "工作表");
        var rows = new List<object?[]> { new object?[] { $"问题清单：{fileName}" } };
        rows.AddRange(summary.Select(s => new object?[] { s }));
        var headerRow = 0;
        if (lines.Count > 0)
        {
            rows.Add(header.ToArray<object?>());
            headerRow = rows.Count;
        }
        foreach (var line in lines.OrderBy(l => l.Sheet ?? "", StringComparer.Ordinal).ThenBy(l => l.RowNo).ThenBy(l => l.Column ?? ""))
        {
            var values = new List<object?> { line.RowNo, line.Column ?? "", line.Value ?? "", line.Problem, line.Fix, Label(line.Kind) };
            if (isWorkbook) values.Insert(0, line.Sheet ?? "");
            rows.Add(values.ToArray());
        }

        var widths = new List<XlsxColumn>
        {
            new(8, XlsxColumnStyle.Number), new(14, XlsxColumnStyle.Text), new(22, XlsxColumnStyle.Wrapped),
            new(70, XlsxColumnStyle.Wrapped), new(64, XlsxColumnStyle.Wrapped), new(10, XlsxColumnStyle.Text),
        };
        if (isWorkbook) widths.Insert(0, new XlsxColumn(14, XlsxColumnStyle.Text));
        XlsxWriter.Write(basePath + ".xlsx",
        [
            new XlsxSheet("问题清单", widths, rows) { FrozenRows = headerRow, EmphasisRows = new HashSet<int> { headerRow } },
        ]);
        WriteCsv(basePath + ".csv", rows);
        return basePath + ".xlsx";
    }

    private enum LineKind { Problem, Duplicate, Layout }

    private sealed record FeedbackLine(string? Sheet, long RowNo, string? Column, string? Value, string Problem, string Fix, LineKind Kind);

    private static string Label(LineKind kind) => kind switch
    {
        LineKind.Problem => "待更正",
        LineKind.Duplicate => "重复行",
        _ => "未导入",
    };

    private static List<FeedbackLine> Lines(DuckDBConnection connection, long fileId, LedgerContract contract, string? sheet)
    {
        var lines = connection.Query("""
            select row_no, column_name, raw_value, reason_code, reason_zh, fix_zh from ops.quarantine where file_id = ? order by row_no, column_name
            """, r => new FeedbackLine(sheet, r.GetInt64(0), ColumnsZh(contract, r.GetStringOrNull(1)), r.GetStringOrNull(2),
                r.GetStringOrNull(4) ?? $"第{r.GetInt64(0)}行：{QuarantineReasons.Of(r.GetString(3)).Meaning}",
                r.GetStringOrNull(5) ?? QuarantineReasons.Of(r.GetString(3)).Fix, LineKind.Problem), fileId);
        lines.AddRange(connection.Query("select row_no, first_row_no from ops.duplicate_rows where file_id = ? order by row_no",
            r => new FeedbackLine(sheet, r.GetInt64(0), null, null, $"第{r.GetInt64(0)}行与第{r.GetInt64(1)}行完全相同，已按一行导入",
                "无需处理；如果确是两条不同的记录，请更正其中一行的编号后重新报送", LineKind.Duplicate), fileId));
        lines.AddRange(connection.Query("select row_no, kind, row_text from ops.skipped_rows where file_id = ? order by row_no",
            r => new FeedbackLine(sheet, r.GetInt64(0), null, r.GetStringOrNull(2), LayoutProblem(r.GetInt64(0), r.GetString(1)),
                "无需处理；如果这一行其实是一条记录，请把它移到表头之下并填写完整", LineKind.Layout), fileId));
        return lines;
    }

    private static string LayoutProblem(long rowNo, string kind) => kind switch
    {
        "above_header" => $"第{rowNo}行在表头之上（标题、填表单位或填表日期），未作为记录导入",
        "footer" => $"第{rowNo}行是合计、签名或备注行，未作为记录导入",
        _ => $"第{rowNo}行是模板的示例行，未导入",
    };

    /// <summary>"activity_id, member_id" → "活动编号、党员编号".</summary>
    private static string? ColumnsZh(LedgerContract contract, string? columns) =>
        columns is null ? null : string.Join("、", columns.Split(", ").Select(c =>
            contract.Columns.FirstOrDefault(x => x.Name == c)?.ChineseName ?? c));

    private static void WriteCsv(string path, List<object?[]> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
            text.Append(string.Join(",", row.Select(v => CsvField.Escape(Reading.CellText.From(v))))).Append("\r\n");
        var temp = path + ".tmp";
        // With a byte-order mark, so Excel and WPS open the Chinese text as UTF-8.
        File.WriteAllText(temp, text.ToString(), new UTF8Encoding(true));
        File.Move(temp, path, overwrite: true);
    }
}
