using System.Diagnostics;
using System.Globalization;
using Analytics.Reports.Monthly;
using Analytics.Reports.Writing;
using Analytics.Service.Cli;
using Analytics.Service.Stages;
using Analytics.Warehouse;

namespace Analytics.Service.Commands;

/// <summary><c>analytics report --month YYYY-MM | --year YYYY [--college ID]</c>: the assessment PDFs.</summary>
public static class ReportCommand
{
    public static IReadOnlyList<WrittenReport> Run(AnalyticsSettings settings, TimeProvider clock, TextWriter output, Month month, string? college, bool quiet = false) =>
        Render(settings, output, month.ToString(), quiet, rendering => new Pipeline(settings, clock).Reports(month, college, rendering));

    /// <summary><c>analytics report --year YYYY</c>: the year-end brand assessments (reports/YYYY/).</summary>
    public static IReadOnlyList<WrittenReport> RunYear(AnalyticsSettings settings, TimeProvider clock, TextWriter output, int year, string? college, bool quiet = false) =>
        Render(settings, output, year.ToString(CultureInfo.InvariantCulture), quiet, rendering => new Pipeline(settings, clock).YearReports(year, college, rendering));

    private static IReadOnlyList<WrittenReport> Render(AnalyticsSettings settings, TextWriter output, string period, bool quiet,
        Func<Action<string>?, IReadOnlyList<WrittenReport>> write)
    {
        var watch = Stopwatch.StartNew();
        var reports = write(quiet ? null : path => output.WriteLine($"  rendering {Path.GetFileName(path)} …"));
        if (!quiet)
        {
            var table = new TextTable("report", "pages", "KB");
            foreach (var r in reports) table.Add(Path.GetFullPath(r.Path), r.Pages, (r.Bytes / 1024).ToString(CultureInfo.InvariantCulture));
            output.Write(table);
        }
        output.WriteLine($"{reports.Count} report(s) for {period} in {watch.Elapsed.TotalSeconds:0.00} s; charts also as PNG and SVG in {Path.GetFullPath(Path.Combine(settings.ReportsDir, period, "charts"))}");
        foreach (var r in reports.Where(r => r.MissingCharacters.Count > 0))
            output.WriteLine($"warning: {Path.GetFileName(r.Path)} has characters the report font cannot draw: {string.Join(" ", r.MissingCharacters)}");
        return reports;
    }
}
