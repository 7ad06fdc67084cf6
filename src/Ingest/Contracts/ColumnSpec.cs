namespace Analytics.Ingest.Contracts;

/// <summary>One column of a ledger contract.</summary>
/// <param name="Name">Canonical English name, also the warehouse column.</param>
/// <param name="ChineseName">The Chinese header ledgers usually carry.</param>
/// <param name="References">For an id that must exist elsewhere: which ledger, and the unit type it must have, if any.</param>
/// <param name="MayBeFuture">Dates that are planned ends (转出日期, 撤销日期) may lie ahead; event dates may not.</param>
public sealed record ColumnSpec(
    string Name,
    string ChineseName,
    ColumnType Type,
    bool Required = false,
    string? ValueSet = null,
    ReferenceSpec? References = null,
    bool MayBeFuture = false)
{
    public override string ToString() => $"{Name} [{ChineseName}]";
}

/// <summary>A reference from a column to the key of another ledger.</summary>
public sealed record ReferenceSpec(LedgerKind Target, string? RequiredUnitType = null);
