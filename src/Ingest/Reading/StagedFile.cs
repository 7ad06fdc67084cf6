using Analytics.Ingest.Contracts;

namespace Analytics.Ingest.Reading;

/// <summary>
/// A ledger file (or sheet) copied, as text, into the temp view <c>stage_read</c> (row_no plus one varchar column per
/// file column, named by its canonical name or <c>_extra_N</c>); once layout rows are set aside, the records are the
/// view <c>stage</c> (<see cref="Loading.LayoutRowsSql"/>). Records that could not even be split into fields are in
/// <see cref="Rejects"/>, not in the table.
/// </summary>
public sealed record StagedFile(HeaderMatch Header, IReadOnlyList<string> StageColumns, long RowsStaged, IReadOnlyList<StageReject> Rejects)
{
    public const string Table = "stage_read";
}

/// <summary>A record that broke the file's structure (a CSV line with too many fields, a JSON element that is not an object).</summary>
/// <param name="RowNo">Spreadsheet row: the header is row 1, the first record row 2 (JSON: the element's 1-based index).</param>
public sealed record StageReject(long RowNo, string RawText, string Reason);
