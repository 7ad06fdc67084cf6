using System.Diagnostics;
using Analytics.Warehouse;
using Analytics.Reports.Site;
using Analytics.Service.Stages;

namespace Analytics.Service.Commands;

/// <summary><c>analytics site --month YYYY-MM --out DIR</c>: the school website's 窑火红 column, as static files.</summary>
public static class SiteCommand
{
    public static SiteResult Run(AnalyticsSettings settings, TimeProvider clock, TextWriter output, Month month, string outDir)
    {
        var watch = Stopwatch.StartNew();
        var site = new Pipeline(settings, clock).Site(month, outDir);
        var pages = site.Files.Count(f => f.EndsWith(".html", StringComparison.Ordinal));
        output.WriteLine($"Website column for {month}: {pages} pages and {site.Files.Count - pages} assets in {watch.Elapsed.TotalSeconds:0.00} s");
        output.WriteLine($"  open {Path.GetFullPath(Path.Combine(outDir, "index.html"))} (no script, no web font, nothing fetched from elsewhere: copy the folder as it is)");
        return site;
    }
}
