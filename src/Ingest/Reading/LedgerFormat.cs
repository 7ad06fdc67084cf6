namespace Analytics.Ingest.Reading;

/// <summary>The container formats a ledger arrives in (<see cref="Xls"/>: the binary workbook WPS and older Excel still save).</summary>
public enum LedgerFormat { Csv, Xlsx, Json, Xls }
