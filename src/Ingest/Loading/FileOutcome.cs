namespace Analytics.Ingest.Loading;

/// <summary>What happened to one inbox file.</summary>
public enum FileStatus
{
    /// <summary>Committed to the warehouse and archived.</summary>
    Loaded,
    /// <summary>The same content was committed before; the file was only archived.</summary>
    AlreadyIngested,
    /// <summary>Unreadable as a ledger; moved to the rejected folder with a reason file.</summary>
    Rejected,
}

/// <summary>The outcome of one inbox file, with the counts that must reconcile: read = loaded + quarantined + duplicates.</summary>
public sealed record FileOutcome(
    string FileName,
    FileStatus Status,
    string? Kind,
    string? Format,
    string? Encoding,
    long RowsRead,
    long RowsLoaded,
    long RowsQuarantined,
    long DuplicatesSkipped,
    string? Message,
    string? MovedTo,
    long? FileId = null)
{
    /// <summary>Seconds spent in each phase (staging, validating, loading, committing), for benchmarks.</summary>
    public IReadOnlyDictionary<string, double> PhaseSeconds { get; init; } = new Dictionary<string, double>();

    public bool Reconciles => RowsRead == RowsLoaded + RowsQuarantined + DuplicatesSkipped;
}
