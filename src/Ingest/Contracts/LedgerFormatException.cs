namespace Analytics.Ingest.Contracts;

/// <summary>A file that cannot be read as a ledger at all (encoding, structure, header). The message says what was expected.</summary>
public sealed class LedgerFormatException(string message, Exception? inner = null) : Exception(message, inner);
