using Analytics.Ingest.Catalogues;
using Analytics.Ingest.Loading;
using Analytics.Ingest.Warehouse;
using Analytics.Service.Cli;
using DuckDB.NET.Data;

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
        var catalogue = Catalogue.Load(Catalogue.Locate(settings.CataloguesDir));
        using var connection = WarehouseDatabase.Open(settings.Warehouse, clock, settings.MemoryLimit);
        var waiting = Directory.Exists(settings.Ingest.InboxDir) ? Directory.GetFiles(settings.Ingest.InboxDir).Length : 0;
        output.WriteLine($"Ingesting {waiting} file(s) from {settings.Ingest.InboxDir} into {settings.Warehouse}");
        var progress = new ConsoleProgress(output);
        var outcomes = new InboxIngestor(connection, catalogue, settings.Ingest, clock).Run(progress, cancellation);
        progress.Finish();
        if (outcomes.Count == 0)
        {
            output.WriteLine("The inbox is empty: nothing to do.");
            return outcomes;
        }
        output.Write(Summary(outcomes));
        output.Write(QuarantineExcerpt(connection, outcomes));
        return outcomes;
    }

    /// <summary>What was quarantined in this run: counts by reason, and the first rows with file, row and column.</summary>
    public static string QuarantineExcerpt(DuckDBConnection connection, IReadOnlyList<FileOutcome> outcomes, int rows = 12)
    {
        var ids = outcomes.Where(o => o.Status == FileStatus.Loaded && o.RowsQuarantined > 0 && o.FileId is not null).Select(o => o.FileId!.Value).ToList();
        if (ids.Count == 0) return "";
        var inRun = $"file_id in ({string.Join(", ", ids)})";
        var text = new System.Text.StringBuilder().AppendLine().AppendLine("Quarantined in this run, by reason:");
        foreach (var (code, count) in connection.Query($"select reason_code, count(distinct (file_id, row_no)) from ops.quarantine where {inRun} group by 1 order by 2 desc, 1",
                     r => (r.GetString(0), r.GetInt64(1))))
            text.AppendLine($"  {code,-24}{count,8}");
        var table = new TextTable("file", "row", "column", "reason");
        var shown = connection.Query($"select file_name, row_no, coalesce(column_name, ''), reason from ops.quarantine where {inRun} order by file_id, row_no, column_name limit {rows}",
            r => (r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3)));
        foreach (var (file, row, column, reason) in shown) table.Add(file, row, column, reason);
        var total = connection.Scalar<long>($"select count(*) from ops.quarantine where {inRun}");
        text.AppendLine().Append(table);
        if (total > shown.Count) text.AppendLine($"… and {total - shown.Count} more: select * from ops.quarantine where {inRun}");
        return text.ToString();
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
