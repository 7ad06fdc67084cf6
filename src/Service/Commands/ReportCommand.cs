using System.Diagnostics;
using System.Globalization;
using Analytics.Ingest.Warehouse;
using Analytics.Reports.Document;
using Analytics.Reports.Monthly;
using Analytics.Service.Cli;

namespace Analytics.Service.Commands;

/// <summary><c>analytics report --month YYYY-MM [--college ID]</c>: the month's assessment PDFs.</summary>
public static class ReportCommand
{
    public static IReadOnlyList<WrittenReport> Run(AnalyticsSettings settings, TimeProvider clock, TextWriter output, string month, string? college, bool quiet = false)
    {
        var font = FontLocator.Find(settings.FontPath);
        using var connection = WarehouseDatabase.Open(settings.Warehouse, clock, settings.MemoryLimit);
        var watch = Stopwatch.StartNew();
        var reports = new ReportWriter(connection, settings.Queries, settings.ReportsDir, font)
            .Write(month, college, quiet ? null : path => output.WriteLine($"  rendering {Path.GetFileName(path)} …"));
        if (!quiet)
        {
            var table = new TextTable("report", "pages", "KB");
            foreach (var r in reports) table.Add(Path.GetFullPath(r.Path), r.Pages, (r.Bytes / 1024).ToString(CultureInfo.InvariantCulture));
            output.Write(table);
        }
        output.WriteLine($"{reports.Count} report(s) for {month} in {watch.Elapsed.TotalSeconds:0.00} s; charts also as PNG and SVG in {Path.GetFullPath(Path.Combine(settings.ReportsDir, month, "charts"))}");
        foreach (var r in reports.Where(r => r.MissingCharacters.Count > 0))
            output.WriteLine($"warning: {Path.GetFileName(r.Path)} has characters the report font cannot draw: {string.Join(" ", r.MissingCharacters)}");
        return reports;
    }
}
