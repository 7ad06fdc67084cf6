namespace Analytics.Ingest.Contracts;

/// <summary>
/// A file's header read against a contract: for each position in the file, the canonical column it holds,
/// or null for a column the contract does not know (kept in quarantine's raw row, not loaded).
/// </summary>
public sealed record HeaderMatch(LedgerContract Contract, IReadOnlyList<string?> CanonicalByPosition, IReadOnlyList<string> Headers)
{
    public IEnumerable<string> IgnoredHeaders =>
        Headers.Where((_, i) => CanonicalByPosition[i] is null);
}
