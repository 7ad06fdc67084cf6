using Analytics.Ingest.Contracts;

namespace Analytics.Ingest.Reading;

/// <summary>
/// Finds a ledger's header among the first rows of a sheet or CSV file, as people keep them: a title
/// ("景德镇学院党组织架构台账（2025年）") and 填表单位/填表日期 lines may stand above it, and a header may span two rows
/// (a merged group title over some columns, the column names under it).
/// </summary>
public static class HeaderLocator
{
    /// <summary>How many non-blank rows are looked at before giving up.</summary>
    public const int RowsLooked = 10;

    /// <param name="rows">The first rows of the file, blank ones included; at least <see cref="RowsLooked"/> non-blank ones when there are that many.</param>
    public static LocatedHeader Locate(IReadOnlyList<SheetRow> rows, HeaderMatcher matcher)
    {
        var candidates = rows.Where(r => !r.IsBlank).Take(RowsLooked).ToList();
        if (candidates.Count == 0) throw new LedgerFormatException("the file has no header row (it holds no text)");

        LedgerFormatException? firstError = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var hasNext = i + 1 < candidates.Count && candidates[i + 1].RowNo == candidates[i].RowNo + 1;
            LedgerFormatException? ignored = null;
            if (TryMatch(matcher, Headers(candidates[i]), out var single, ref firstError))
            {
                // A group title row may already name the key columns (merged down over both rows): the two rows
                // together are the header when they name more columns of the same ledger.
                if (hasNext && TryMatch(matcher, Combined(candidates[i], candidates[i + 1]), out var both, ref ignored)
                    && both!.Contract == single!.Contract && Named(both) > Named(single))
                    return WithExamples(new LocatedHeader(both, candidates[i].RowNo, 2, Above(candidates, i)), candidates);
                return WithExamples(new LocatedHeader(single!, candidates[i].RowNo, 1, Above(candidates, i)), candidates);
            }
            if (!hasNext) continue;
            // The next row as a header by itself is preferred: a title above a header is not half of it.
            if (TryMatch(matcher, Headers(candidates[i + 1]), out _, ref ignored)) continue;
            if (TryMatch(matcher, Combined(candidates[i], candidates[i + 1]), out var twoRows, ref ignored))
                return WithExamples(new LocatedHeader(twoRows!, candidates[i].RowNo, 2, Above(candidates, i)), candidates);
        }
        var looked = candidates.Count > 1 ? $" (looked at the first {candidates.Count} rows that hold text)" : "";
        throw new LedgerFormatException(firstError!.Message + looked, firstError);
    }

    private static bool TryMatch(HeaderMatcher matcher, IReadOnlyList<string> headers, out HeaderMatch? match, ref LedgerFormatException? firstError)
    {
        try
        {
            match = matcher.Match(headers);
            return true;
        }
        catch (LedgerFormatException ex)
        {
            // The row that came closest to a ledger explains the refusal best; a title row explains nothing.
            if (firstError is null || (!firstError.Message.Contains("closest is", StringComparison.Ordinal) && ex.Message.Contains("closest is", StringComparison.Ordinal)))
                firstError = ex;
            match = null;
            return false;
        }
    }

    /// <summary>How many rows under the header may hold a template's example.</summary>
    public const int ExampleRows = 3;

    private static readonly System.Text.RegularExpressions.Regex ExamplePattern = new(@"^\s*(【示例】|\[示例\]|示例[:：]?|例[:：])");

    /// <summary>The first rows under the header whose first cell marks them as a template's example.</summary>
    private static LocatedHeader WithExamples(LocatedHeader header, List<SheetRow> candidates) => header with
    {
        ExampleRowNos = candidates
            .Where(r => r.RowNo >= header.FirstDataRowNo && r.RowNo < header.FirstDataRowNo + ExampleRows)
            .Where(r => r.Cells.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c)) is { } first && ExamplePattern.IsMatch(first))
            .Select(r => r.RowNo).ToList(),
    };

    private static int Named(HeaderMatch match) => match.CanonicalByPosition.Distinct().Count(c => c is not null);

    private static List<string> Headers(SheetRow row) => row.Cells.Select(c => c ?? "").ToList();

    /// <summary>A two-row header read as one: each column's lower name, or the upper one where the lower is empty.</summary>
    private static List<string> Combined(SheetRow upper, SheetRow lower)
    {
        var width = Math.Max(upper.Cells.Length, lower.Cells.Length);
        return Enumerable.Range(0, width).Select(i =>
        {
            var below = i < lower.Cells.Length ? lower.Cells[i] : null;
            var above = i < upper.Cells.Length ? upper.Cells[i] : null;
            return string.IsNullOrWhiteSpace(below) ? above ?? "" : below;
        }).ToList();
    }

    private static List<LayoutRow> Above(List<SheetRow> candidates, int headerIndex) =>
        candidates.Take(headerIndex).Select(r => new LayoutRow(r.RowNo, LayoutRowKind.AboveHeader, Text(r))).ToList();

    public static string Text(SheetRow row) =>
        string.Join(" ", row.Cells.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()));
}
