using Analytics.Ingest.Loading;
using Analytics.Service.Cli;
using Analytics.Service.Stages;

namespace Analytics.Service.Commands;

/// <summary><c>analytics ingest</c>: loads every ledger waiting in the inbox into the warehouse.</summary>
public static class IngestCommand
{
    public static int Run(AnalyticsSettings settings, TimeProvider clock, TextWriter output)
    {
        Ingest(settings, clock, output);
        output.WriteLine(Where(settings));
        return 0;
    }

    /// <summary>Ingests the inbox and prints the summary table and a quarantine excerpt.</summary>
    public static IReadOnlyList<FileOutcome> Ingest(AnalyticsSettings settings, TimeProvider clock, TextWriter output, CancellationToken cancellation = default)
    {
        var waiting = Directory.Exists(settings.Ingest.InboxDir) ? Directory.GetFiles(settings.Ingest.InboxDir).Length : 0;
        output.WriteLine($"Ingesting {waiting} file(s) from {settings.Ingest.InboxDir} into {settings.Warehouse}");
        var progress = new ConsoleProgress(output);
        var run = new Pipeline(settings, clock).Ingest(progress, cancellation);
        progress.Finish();
        if (run.Outcomes.Count == 0)
        {
            output.WriteLine("The inbox is empty: nothing to do.");
            return run.Outcomes;
        }
        output.Write(Summary(run.Outcomes));
        output.Write(Describe(run.Quarantine));
        return run.Outcomes;
    }

    /// <summary>What was quarantined in this run: counts by reason, and the first rows with file, row and column.</summary>
    public static string Describe(QuarantineExcerpt quarantine)
    {
        if (quarantine.Total == 0) return "";
        var text = new System.Text.StringBuilder().AppendLine().AppendLine("Quarantined in this run, by reason:");
        foreach (var (code, count) in quarantine.ByReason)
            text.AppendLine($"  {code,-24}{count,8}");
        var table = new TextTable("file", "row", "column", "reason");
        foreach (var c in quarantine.First) table.Add(c.File, c.Row, c.Column, c.Reason);
        text.AppendLine().Append(table);
        if (quarantine.Total > quarantine.First.Count)
            text.AppendLine($"… and {quarantine.Total - quarantine.First.Count} more: select * from ops.quarantine where {quarantine.Filter}");
        return text.ToString();
    }

    public static string Summary(IReadOnlyList<FileOutcome> outcomes)
    {
        var table = new TextTable("file", "kind", "format", "encoding", "status", "read", "loaded", "quarantined", "duplicates");
        foreach (var o in outcomes)
            table.Add(o.DisplayName, o.Kind ?? "-", o.Format ?? "-", o.Encoding ?? "-", StatusText(o.Status), o.RowsRead, o.RowsLoaded, o.RowsQuarantined, o.DuplicatesSkipped);
        table.Add("total", "", "", "", $"{outcomes.Count} files", outcomes.Sum(o => o.RowsRead), outcomes.Sum(o => o.RowsLoaded),
            outcomes.Sum(o => o.RowsQuarantined), outcomes.Sum(o => o.DuplicatesSkipped));
        var text = new System.Text.StringBuilder().AppendLine().Append(table);
        foreach (var o in outcomes.Where(o => o.Status == FileStatus.Rejected))
            text.AppendLine($"rejected: {o.FileName}: {o.Message} (moved to {o.MovedTo}, reason beside it)");
        foreach (var o in outcomes.Where(o => o.Status != FileStatus.Rejected && o.Message is not null))
            text.AppendLine($"note: {o.DisplayName}: {o.Message}");
        foreach (var feedback in outcomes.Select(o => o.FeedbackPath).OfType<string>().Distinct())
            text.AppendLine($"问题清单 for the organiser: {feedback} (and .csv)");
        return text.ToString();
    }

    public static string Where(AnalyticsSettings settings) =>
        $"""

        Warehouse:   {Path.GetFullPath(settings.Warehouse)} (core.*, raw.*, ops.ingested_files, ops.quarantine)
        Archive:     {Path.GetFullPath(settings.Ingest.ArchiveDir)}
        Rejected:    {Path.GetFullPath(settings.Ingest.RejectedDir)}
        Quarantined rows, with file, row, column and reason: select * from ops.quarantine
        """;

    private static string StatusText(FileStatus status) => status switch
    {
        FileStatus.Loaded => "loaded",
        FileStatus.AlreadyIngested => "already ingested",
        FileStatus.StillArriving => "waiting",
        _ => "REJECTED",
    };
}
