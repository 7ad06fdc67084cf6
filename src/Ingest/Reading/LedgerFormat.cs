namespace Analytics.Ingest.Reading;

/// <summary>The container formats a ledger arrives in.</summary>
public enum LedgerFormat { Csv, Xlsx, Json }
