namespace Analytics.Ingest.Contracts;

/// <summary>What a ledger file of one kind must hold: its columns, its natural key and where its rows go.</summary>
/// <param name="Key">The natural key: rows with the same key are the same fact; a later file updates it.</param>
/// <param name="Table">Name of the raw.* table; the core table is <paramref name="CoreTable"/>.</param>
public sealed record LedgerContract(
    LedgerKind Kind,
    string Name,
    string Table,
    string CoreTable,
    IReadOnlyList<ColumnSpec> Columns,
    IReadOnlyList<string> Key)
{
    /// <summary>What organisers call this ledger (活动台账, 签到表 …): in templates, feedback and reports.</summary>
    public required string ChineseName { get; init; }

    public IEnumerable<ColumnSpec> RequiredColumns => Columns.Where(c => c.Required);

    public ColumnSpec Column(string name) =>
        Columns.FirstOrDefault(c => c.Name == name)
        ?? throw new ArgumentException($"Ledger '{Name}' has no column '{name}'.", nameof(name));
}
