using Analytics.Ingest.Catalogues;
using Analytics.Ingest.Loading;
using Analytics.Ingest.Warehouse;
using Analytics.Service.Cli;

namespace Analytics.Service.Commands;

/// <summary><c>analytics ingest</c>: loads every ledger waiting in the inbox into the warehouse.</summary>
public static class IngestCommand
{
    public static int Run(AnalyticsSettings settings, TimeProvider clock, TextWriter output)
    {
        var outcomes = Ingest(settings, clock, output);
        output.Write(Summary(outcomes));
        output.WriteLine(Where(settings));
        return 0;
    }

    public static IReadOnlyList<FileOutcome> Ingest(AnalyticsSettings settings, TimeProvider clock, TextWriter output)
    {
        var catalogue = Catalogue.Load(Catalogue.Locate(settings.CataloguesDir));
        using var connection = WarehouseDatabase.Open(settings.Warehouse, clock, settings.MemoryLimit);
        var waiting = Directory.Exists(settings.Ingest.InboxDir) ? Directory.GetFiles(settings.Ingest.InboxDir).Length : 0;
        output.WriteLine($"Ingesting {waiting} file(s) from {settings.Ingest.InboxDir} into {settings.Warehouse}");
        var progress = new ConsoleProgress(output);
        var outcomes = new InboxIngestor(connection, catalogue, settings.Ingest, clock).Run(progress);
        progress.Finish();
        return outcomes;
    }

    public static string Summary(IReadOnlyList<FileOutcome> outcomes)
    {
        var table = new TextTable("file", "kind", "format", "encoding", "status", "read", "loaded", "quarantined", "duplicates");
        foreach (var o in outcomes)
            table.Add(o.FileName, o.Kind ?? "-", o.Format ?? "-", o.Encoding ?? "-", StatusText(o.Status), o.RowsRead, o.RowsLoaded, o.RowsQuarantined, o.DuplicatesSkipped);
        table.Add("total", "", "", "", $"{outcomes.Count} files", outcomes.Sum(o => o.RowsRead), outcomes.Sum(o => o.RowsLoaded),
            outcomes.Sum(o => o.RowsQuarantined), outcomes.Sum(o => o.DuplicatesSkipped));
        var text = new System.Text.StringBuilder().AppendLine().Append(table);
        foreach (var o in outcomes.Where(o => o.Status == FileStatus.Rejected))
            text.AppendLine($"rejected: {o.FileName}: {o.Message} (moved to {o.MovedTo}, reason beside it)");
        foreach (var o in outcomes.Where(o => o.Status != FileStatus.Rejected && o.Message is not null))
            text.AppendLine($"note: {o.FileName}: {o.Message}");
        if (outcomes.Count == 0) text.AppendLine("The inbox is empty: nothing to do.");
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
        _ => "REJECTED",
    };
}
