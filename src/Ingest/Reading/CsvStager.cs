using System.Text;
using Analytics.Ingest.Contracts;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Ingest.Reading;

/// <summary>
/// Stages a CSV ledger by letting DuckDB parse it (read_csv, every column as text, malformed records kept in a
/// rejects table), after transcoding non-UTF-8 files to UTF-8 in a stream: DuckDB's bundled build reads only UTF-8.
/// </summary>
public static class CsvStager
{
    public static StagedFile Stage(DuckDBConnection connection, LedgerPart part, string workDir)
    {
        var (file, located) = (part.File, part.Header);
        var header = located.Match;
        var utf8Path = file.IsUtf8 ? file.Path : Transcode(file, workDir);
        try
        {
            var columns = StageTable.ColumnNames(header);
            // A header on line 1 is DuckDB's own; under a title (or over two rows) the lines down to it are skipped
            // and the columns named here.
            var headerOption = located.IsPlain
                ? "header = true"
                : $"header = false, skip = {LedgerParts.CsvLinesBeforeData(file, located)}";
            // Row numbers as a spreadsheet shows them: the k-th record is row k + (rows down to the header).
            var rowOffset = located.FirstDataRowNo - 1;

            // DuckDB's default line limit (2 MB) first: a larger one makes its buffers, and so each thread's share of
            // the file, that much larger (a 25M-row file staged 45% slower at 32 MB). Only a file with a longer line
            // is read again, so that its cell is quarantined as too long rather than the whole row as malformed. The
            // first read's error is never final: DuckDB 1.5 cuts a long line of Chinese text mid-character at the
            // limit and then fails on the cut ("Invalid unicode ... segment statistics").
            // Most files are well formed: read first without keeping rejects (a 25M-row file: 0.5 s of 5 faster), and
            // only a file that fails is read again keeping each malformed record, so that none is lost.
            IReadOnlyList<StageReject> rejects = [];
            if (!TryReadStrict(connection, utf8Path, headerOption, columns, file.Delimiter))
            {
                bool readWhole;
                try
                {
                    ReadCsv(connection, utf8Path, headerOption, columns, file.Delimiter, maxLineSize: null, keepRejects: true);
                    readWhole = !connection.Scalar<bool>("select exists (select 1 from kf_rejects where error_type = 'LINE SIZE OVER MAXIMUM')");
                }
                catch (LedgerFormatException)
                {
                    readWhole = false;
                }
                if (!readWhole) ReadCsv(connection, utf8Path, headerOption, columns, file.Delimiter, MaxLineSize, keepRejects: true);

                rejects = connection.Query(
                    """
                    select line, min(csv_line) as csv_line, string_agg(distinct error_message, '; ' order by error_message) as message
                    from kf_rejects group by line order by line
                    """,
                    r => new StageReject(r.GetInt64Value(0), r.GetStringOrNull(1) ?? "", CsvReason(r.GetStringOrNull(2) ?? "")));
            }

            // Rowids of a table created in this transaction are contiguous from an offset. Rejected records leave
            // gaps in the file's numbering, which the thresholds put back (see WriteRowThresholds).
            var numbered = "(select rowid - (select min(rowid) from stage_src) + 1 as k, * from stage_src) as src";
            if (rejects.Count == 0)
                connection.Execute($"create or replace temp view {StagedFile.Table} as select k + {rowOffset} as row_no, src.* exclude (k) from {numbered}");
            else
            {
                WriteRowThresholds(connection, rejects.Select(r => r.RowNo).ToList(), rowOffset);
                connection.Execute($"""
                    create or replace temp view {StagedFile.Table} as
                    select k + {rowOffset} + coalesce(th.shift, 0) as row_no, src.* exclude (k)
                    from {numbered}
                    asof left join kf_row_thresholds as th on src.k >= th.k_from
                    """);
            }
            var staged = connection.Scalar<long>("select count(*) from stage_src");
            return new StagedFile(header, columns, staged, rejects);
        }
        finally
        {
            if (!ReferenceEquals(utf8Path, file.Path)) File.Delete(utf8Path);
        }
    }

    /// <summary>Longest line read at all: a ledger line is a row of a spreadsheet, not a document.</summary>
    private const int MaxLineSize = 32 << 20;

    /// <summary>The whole file read with no record refused, or false (nothing of it kept) when any record breaks the CSV.</summary>
    private static bool TryReadStrict(DuckDBConnection connection, string utf8Path, string headerOption, IReadOnlyList<string> columns, char delimiter)
    {
        try
        {
            ReadCsv(connection, utf8Path, headerOption, columns, delimiter, maxLineSize: null, keepRejects: false);
            return true;
        }
        catch (LedgerFormatException)
        {
            return false;
        }
    }

    private static void ReadCsv(DuckDBConnection connection, string utf8Path, string headerOption, IReadOnlyList<string> columns,
        char delimiter, int? maxLineSize, bool keepRejects)
    {
        connection.Execute("drop table if exists stage_src; drop table if exists kf_rejects; drop table if exists kf_reject_scans");
        var columnTypes = "{" + string.Join(", ", columns.Select(c => $"{SqlExtensions.Literal(c)}: 'VARCHAR'")) + "}";
        var lineSize = maxLineSize is { } size ? $"max_line_size = {size}," : "";
        var rejects = keepRejects ? ", store_rejects = true, rejects_table = 'kf_rejects', rejects_scan = 'kf_reject_scans'" : "";
        try
        {
            connection.Execute($"""
                create temp table stage_src as
                select * from read_csv({SqlExtensions.Literal(utf8Path)},
                    {headerOption}, auto_detect = false, columns = {columnTypes},
                    delim = {SqlExtensions.Literal(delimiter.ToString())}, quote = '"', escape = '"', {lineSize}
                    strict_mode = true{rejects})
                """);
        }
        catch (Exception ex) when (ex is not LedgerFormatException)
        {
            throw new LedgerFormatException($"DuckDB could not read it as CSV: {FirstLine(ex.Message)}", ex);
        }
    }

    /// <summary>
    /// The spreadsheet row of the k-th accepted record is k + offset (offset 1 when the header is row 1) plus the number
    /// of rejected records before it. Rejected records sit at rows x_1 &lt; x_2 &lt; …; from accepted record
    /// k = x_j − offset − j + 1 on, the shift is j.
    /// </summary>
    internal static void WriteRowThresholds(DuckDBConnection connection, IReadOnlyList<long> rejectedRows, long offset = 1)
    {
        connection.Execute("create or replace temp table kf_row_thresholds (k_from bigint, shift bigint)");
        using var appender = connection.CreateAppender("kf_row_thresholds");
        for (var j = 1; j <= rejectedRows.Count; j++)
            appender.CreateRow().AppendValue(rejectedRows[j - 1] - offset - j + 1).AppendValue((long)j).EndRow();
    }

    private static string CsvReason(string duckDbMessage) =>
        duckDbMessage.Contains("Expected Number of Columns", StringComparison.Ordinal)
            ? "the row has a different number of fields than the header (" + duckDbMessage.Trim() + ")"
            : "the row is not valid CSV (" + duckDbMessage.Trim() + ")";

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static string Transcode(ProbedFile file, string workDir)
    {
        Directory.CreateDirectory(workDir);
        var target = Path.Combine(workDir, $"{file.ContentHash[..16]}.utf8.csv");
        try
        {
            using var reader = new StreamReader(file.Path, FileProbe.EncodingFor(file.Encoding!), detectEncodingFromByteOrderMarks: true, 1 << 20);
            using var writer = new StreamWriter(target, false, new UTF8Encoding(false), 1 << 20);
            var buffer = new char[1 << 20];
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0) writer.Write(buffer, 0, read);
        }
        catch (DecoderFallbackException ex)
        {
            File.Delete(target);
            throw new LedgerFormatException($"the text is not valid {file.Encoding}", ex);
        }
        return target;
    }
}
