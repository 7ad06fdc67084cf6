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
    /// <summary>Still changing (a copy under way): left in the inbox for the next look.</summary>
    StillArriving,
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
    /// <summary>Seconds spent in each phase (staging, layout, mapping values, loading with every check, committing), for benchmarks.</summary>
    public IReadOnlyDictionary<string, double> PhaseSeconds { get; init; } = new Dictionary<string, double>();

    /// <summary>The worksheet this outcome is of, for a workbook; null for CSV and JSON.</summary>
    public string? SheetName { get; init; }

    /// <summary>The organisers' 问题清单 written beside the archived file, when the file had anything to report.</summary>
    public string? FeedbackPath { get; init; }

    /// <summary>The file name, and the sheet's after it.</summary>
    public string DisplayName => SheetName is null ? FileName : $"{FileName} [{SheetName}]";

    public bool Reconciles => RowsRead == RowsLoaded + RowsQuarantined + DuplicatesSkipped;
}
