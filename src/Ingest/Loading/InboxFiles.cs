namespace Analytics.Ingest.Loading;

/// <summary>Which files in the inbox are ledgers to read: not hidden files, Office's lock files, partial downloads or reason files.</summary>
public static class InboxFiles
{
    private static readonly string[] SkippedSuffixes = [".tmp", ".part", ".crdownload", ".reason.txt"];

    public static bool IsLedgerCandidate(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith('.') && !name.StartsWith("~$", StringComparison.Ordinal)
               && !SkippedSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A ledger file kept in the archive or rejected folder: not the 问题清单 written beside it.</summary>
    public static bool IsKeptLedger(string path) =>
        IsLedgerCandidate(path) && !Path.GetFileName(path).Contains(Feedback.FeedbackWriter.Suffix, StringComparison.Ordinal);
}
