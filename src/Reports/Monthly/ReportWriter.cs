using System.Diagnostics;
using System.Globalization;
using Analytics.Ingest.Warehouse;
using Analytics.Reports.Document;
using DuckDB.NET.Data;

namespace Analytics.Reports.Monthly;

/// <summary>One written report: where it went, how many pages, and characters the font could not draw.</summary>
public sealed record WrittenReport(string Path, int Pages, long Bytes, IReadOnlyCollection<string> MissingCharacters);

/// <summary>
/// Writes a month's assessments (reports/YYYY-MM/) or a year's (reports/YYYY/): school.pdf and college-&lt;id&gt;.pdf,
/// with each chart also as PNG and SVG in charts/ beside them. Nothing inside depends on the wall clock: the same
/// warehouse and period give the same bytes.
/// </summary>
public sealed class ReportWriter(DuckDBConnection warehouse, string queriesDir, string reportsDir, string fontPath)
{
    public IReadOnlyList<WrittenReport> Write(string month, string? onlyCollege = null, Action<string>? progress = null)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(month, @"^\d{4}-(0[1-9]|1[0-2])$"))
            throw new ArgumentException($"--month '{month}' is not a month in the form YYYY-MM.");
        if (warehouse.Scalar<long>("select count(*) from marts.school_month where month_id = ?", month) == 0)
            throw new InvalidOperationException($"The warehouse has no figures for {month}: run 'analytics model' (and 'analytics flag') first, or choose another month.");
        ReportFont.UseForCharts(fontPath);
        var asOf = AsOf();
        var dir = Path.Combine(reportsDir, month);
        var colleges = warehouse.Query("select distinct college_id, college_name from marts.college_month where month_id = ? order by college_id",
            r => (Id: r.GetString(0), Name: r.GetString(1)), month);
        if (onlyCollege is not null && colleges.All(c => c.Id != onlyCollege))
            throw new ArgumentException($"--college '{onlyCollege}' is not a college in {month}; the colleges are {string.Join(", ", colleges.Select(c => c.Id))}.");

        return WriteAll(month, dir, colleges, onlyCollege, asOf, MonthlyReport.Compose, c => $"窑火红月度评估 {Format.Month(c.Period)} {c.UnitName}", progress);
    }

    /// <summary>The year-end brand assessments of a year (a year under way: to its last month in the data).</summary>
    public IReadOnlyList<WrittenReport> WriteYear(string year, string? onlyCollege = null, Action<string>? progress = null)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(year, @"^\d{4}$"))
            throw new ArgumentException($"--year '{year}' is not a year in the form YYYY.");
        if (warehouse.Scalar<long>("select count(*) from marts.school_year where year = ?", year) == 0)
            throw new InvalidOperationException($"The warehouse has no figures for {year}: run 'analytics model' first, or choose another year.");
        ReportFont.UseForCharts(fontPath);
        var colleges = warehouse.Query("select college_id, college_name from marts.college_year where year = ? order by college_id",
            r => (Id: r.GetString(0), Name: r.GetString(1)), year);
        if (onlyCollege is not null && colleges.All(c => c.Id != onlyCollege))
            throw new ArgumentException($"--college '{onlyCollege}' is not a college in {year}; the colleges are {string.Join(", ", colleges.Select(c => c.Id))}.");
        return WriteAll(year, Path.Combine(reportsDir, year), colleges, onlyCollege, AsOf(), Yearly.YearReport.Compose,
            c => $"窑火红年度品牌评估 {c.Period}年 {c.UnitName}", progress);
    }

    private List<WrittenReport> WriteAll(string period, string dir, List<(string Id, string Name)> colleges, string? onlyCollege, DateTime asOf,
        Func<ReportContext, PageSetup> compose, Func<ReportContext, string> title, Action<string>? progress)
    {
        Directory.CreateDirectory(dir);
        var queries = new ReportQuery(warehouse, queriesDir);
        var written = new List<WrittenReport>();
        var charts = Path.Combine(dir, "charts");
        if (onlyCollege is null)
            written.Add(WriteOne(new ReportContext(queries, period, "school", "学校", asOf, charts, fontPath), Path.Combine(dir, "school.pdf"), compose, title, progress));
        foreach (var (id, name) in colleges.Where(c => onlyCollege is null || c.Id == onlyCollege))
            written.Add(WriteOne(new ReportContext(queries, period, id, name, asOf, charts, fontPath), Path.Combine(dir, $"college-{id}.pdf"), compose, title, progress));
        return written;
    }

    private WrittenReport WriteOne(ReportContext context, string path, Func<ReportContext, PageSetup> compose, Func<ReportContext, string> title, Action<string>? progress)
    {
        progress?.Invoke(path);
        var page = compose(context);
        var temp = path + ".tmp";
        PdfResult result;
        using (var stream = File.Create(temp))
            result = PdfWriter.Write(stream, page, new DocumentInfo(title(context), "景德镇学院", context.AsOf), fontPath);
        File.Move(temp, path, overwrite: true); // a reader never sees half a PDF
        return new WrittenReport(path, result.Pages, new FileInfo(path).Length, result.MissingCharacters);
    }

    private DateTime AsOf() => DataAsOf(warehouse);

    /// <summary>The data's as-of time: the last ledger load, in Asia/Shanghai.</summary>
    public static DateTime DataAsOf(DuckDBConnection warehouse)
    {
        var last = warehouse.Scalar<DateTime?>("select max(finished_at) from ops.ingested_files where status = 'loaded'")
            ?? throw new InvalidOperationException("No ledger has been loaded yet.");
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc)), Analytics.Ingest.Time.BusinessClock.Zone).DateTime;
    }
}
