namespace Analytics.Demo;

/// <summary>What the generator wrote into one inbox file and what ingest must make of it.</summary>
/// <param name="Rows">Data rows written, bad ones and duplicates included.</param>
/// <param name="Quarantined">Rows planted to break a contract, by reason code.</param>
/// <param name="Duplicates">Extra exact copies of good rows.</param>
/// <param name="Rejected">The whole file is planted as unreadable.</param>
public sealed record LedgerFileSpec(string FileName, string Kind, string Format, string Encoding, int Rows,
    IReadOnlyDictionary<string, int> Quarantined, int Duplicates, bool Rejected = false)
{
    public int QuarantinedRows => Quarantined.Values.Sum();
    public int ExpectedLoaded => Rejected ? 0 : Rows - QuarantinedRows - Duplicates;
}
