using System.Diagnostics;
using Analytics.Ingest.Warehouse;
using Analytics.Reports.Site;

namespace Analytics.Service.Commands;

/// <summary><c>analytics site --month YYYY-MM --out DIR</c>: the school website's 窑火红 column, as static files.</summary>
public static class SiteCommand
{
    public static SiteResult Run(AnalyticsSettings settings, TimeProvider clock, TextWriter output, string month, string outDir)
    {
        using var connection = WarehouseDatabase.Open(settings.Warehouse, clock, settings.MemoryLimit);
        var watch = Stopwatch.StartNew();
        var site = new SiteWriter(connection, settings.Queries).Write(month, outDir);
        var pages = site.Files.Count(f => f.EndsWith(".html", StringComparison.Ordinal));
        output.WriteLine($"Website column for {month}: {pages} pages and {site.Files.Count - pages} assets in {watch.Elapsed.TotalSeconds:0.00} s");
        output.WriteLine($"  open {Path.GetFullPath(Path.Combine(outDir, "index.html"))} (no script, no web font, nothing fetched from elsewhere: copy the folder as it is)");
        return site;
    }
}
