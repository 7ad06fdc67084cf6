using Analytics.Ingest.Contracts;

namespace Analytics.Ingest.Reading;

/// <summary>
/// Where a ledger's header was found: its row (spreadsheet numbering), how many rows it spans (two for a header with
/// a merged group title above its columns), the contract it matched, and the rows above it that were skipped.
/// </summary>
public sealed record LocatedHeader(HeaderMatch Match, long HeaderRowNo, int HeaderRowCount, IReadOnlyList<LayoutRow> Above)
{
    /// <summary>Rows just under the header that a template left as its example (first cell starting with 【示例】).</summary>
    public IReadOnlyList<long> ExampleRowNos { get; init; } = [];

    /// <summary>The first row that may hold a record.</summary>
    public long FirstDataRowNo => HeaderRowNo + HeaderRowCount;

    /// <summary>A header on the first row alone: the plain layout every reader handles without skipping.</summary>
    public bool IsPlain => HeaderRowNo == 1 && HeaderRowCount == 1;

    public static LocatedHeader Plain(HeaderMatch match) => new(match, 1, 1, []);
}
