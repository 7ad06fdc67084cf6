namespace Analytics.Ingest.Loading;

/// <summary>Where ingest reads and moves files. Every folder is created on first use.</summary>
/// <param name="HeaderAliases">kind → canonical column → further header spellings (configuration).</param>
public sealed record IngestOptions(
    string InboxDir,
    string ArchiveDir,
    string RejectedDir,
    string WorkDir,
    IReadOnlyDictionary<string, Dictionary<string, string[]>>? HeaderAliases = null)
{
    /// <summary>
    /// How long a file must have stood unchanged before it is read (zero: read everything now, as `ingest` does). The
    /// service sets it, so that a file still being copied into the inbox is left for the next look.
    /// </summary>
    public TimeSpan SettleTime { get; init; }

    /// <summary>The usual layout under one data folder: inbox/, archive/, rejected/, tmp/.</summary>
    public static IngestOptions Under(string dataDir) => new(
        Path.Combine(dataDir, "inbox"), Path.Combine(dataDir, "archive"),
        Path.Combine(dataDir, "rejected"), Path.Combine(dataDir, "tmp"));
}
