namespace Analytics.Ingest.Contracts;

/// <summary>
/// Recognises a ledger's kind from its header: canonical English names, the Chinese names of DESIGN.md,
/// and any aliases added in configuration.
/// </summary>
public sealed class HeaderMatcher
{
    private readonly Dictionary<LedgerKind, Dictionary<string, string>> _aliasesByKind = new();

    /// <param name="extraAliases">kind name (e.g. "members") → canonical column → further spellings.</param>
    public HeaderMatcher(IReadOnlyDictionary<string, Dictionary<string, string[]>>? extraAliases = null)
    {
        foreach (var contract in LedgerContracts.All)
        {
            var map = new Dictionary<string, string>();
            foreach (var column in contract.Columns)
            {
                map[ValueSets.MatchKey(column.Name)] = column.Name;
                map[ValueSets.MatchKey(column.ChineseName)] = column.Name;
            }
            _aliasesByKind[contract.Kind] = map;
        }
        foreach (var (kindName, columns) in extraAliases ?? new Dictionary<string, Dictionary<string, string[]>>())
        {
            var contract = LedgerContracts.All.FirstOrDefault(c => c.Name == kindName)
                ?? throw new ArgumentException($"Header aliases name an unknown ledger '{kindName}'; expected one of {string.Join(", ", LedgerContracts.All.Select(c => c.Name))}.");
            foreach (var (column, aliases) in columns)
            {
                contract.Column(column);
                foreach (var alias in aliases) _aliasesByKind[contract.Kind][ValueSets.MatchKey(alias)] = column;
            }
        }
    }

    /// <summary>Matches a header; throws <see cref="LedgerFormatException"/> saying what was expected when no contract fits.</summary>
    public HeaderMatch Match(IReadOnlyList<string> headers)
    {
        var cleaned = headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        if (cleaned.All(string.IsNullOrWhiteSpace))
            throw new LedgerFormatException("the file has no header row (the first row is empty)");

        var candidates = new List<(HeaderMatch Match, int Matched)>();
        string? closest = null;
        var closestMissing = int.MaxValue;
        foreach (var contract in LedgerContracts.All)
        {
            var aliases = _aliasesByKind[contract.Kind];
            var mapped = cleaned.Select(h => aliases.TryGetValue(ValueSets.MatchKey(h), out var c) ? c : null).ToList();
            var missing = contract.RequiredColumns.Where(r => !mapped.Contains(r.Name)).ToList();
            if (missing.Count == 0)
            {
                var twice = mapped.Where(m => m is not null).GroupBy(m => m).FirstOrDefault(g => g.Count() > 1);
                if (twice is not null)
                    throw new LedgerFormatException(
                        $"looks like a {contract.Name} ledger, but several columns mean '{twice.Key}': " +
                        string.Join(", ", cleaned.Where((_, i) => mapped[i] == twice.Key).Select(h => Show(h))));
                candidates.Add((new HeaderMatch(contract, mapped, cleaned), mapped.Count(m => m is not null)));
            }
            else if (missing.Count < closestMissing && mapped.Any(m => m is not null))
            {
                closestMissing = missing.Count;
                closest = $"closest is {contract.Name}, which also needs {string.Join(", ", missing.Select(m => m.ToString()))}";
            }
        }

        if (candidates.Count == 0)
            throw new LedgerFormatException(
                $"the header ({string.Join(", ", cleaned.Select(h => Show(h)))}) matches no ledger kind" +
                (closest is null ? "; expected the columns of one of " + string.Join(", ", LedgerContracts.All.Select(c => c.Name)) : "; " + closest));

        // A header can satisfy two contracts (an attendance file with extra columns): the one it explains best wins.
        return candidates.OrderByDescending(c => c.Matched)
            .ThenBy(c => c.Match.Contract.Columns.Count - c.Matched)
            .First().Match;
    }

    /// <summary>A header as messages quote it: control characters made visible, long ones cut.</summary>
    private static string Show(string header)
    {
        var visible = new string(header.Select(c => c < ' ' ? (char)(0x2400 + c) : c == '\u007F' ? '\u2421' : c).ToArray());
        return "'" + (visible.Length > 40 ? visible[..40] + "…" : visible) + "'";
    }
}
