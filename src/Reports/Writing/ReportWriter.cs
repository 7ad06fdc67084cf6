using Analytics.Reports.Monthly;
using System.Diagnostics;
using System.Globalization;
using Analytics.Warehouse;
using Analytics.Reports.Document;
using DuckDB.NET.Data;

namespace Analytics.Reports.Writing;

/// <summary>One written report: where it went, how many pages, and characters the font could not draw.</summary>
public sealed record WrittenReport(string Path, int Pages, long Bytes, IReadOnlyCollection<string> MissingCharacters);

/// <summary>
/// Writes a month's assessments (reports/YYYY-MM/) or a year's (reports/YYYY/): school.pdf and college-&lt;id&gt;.pdf,
/// with each chart also as PNG and SVG in charts/ beside them. Nothing inside depends on the wall clock: the same
/// warehouse and period give the same bytes.
/// </summary>
public sealed class ReportWriter(DuckDBConnection warehouse, string queriesDir, string reportsDir, string fontPath)
{
    /// <summary>What tells a monthly report from a year-end one: the period's form, its marts, its layout and title.</summary>
    private sealed record Kind(string Marts, string Key, Func<ReportContext, PageSetup> Compose, Func<ReportContext, string> Title);

    private static readonly Kind Monthly = new("month", "month_id",
        MonthlyReport.Compose, c => $"窑火红月度评估 {Format.Month(c.Period)} {c.UnitName}");

    private static readonly Kind Yearly = new("year", "year",
        Reports.Yearly.YearReport.Compose, c => $"窑火红年度品牌评估 {c.Period}年 {c.UnitName}");

    /// <summary>The month's assessments (reports/YYYY-MM/).</summary>
    public IReadOnlyList<WrittenReport> Write(Month month, string? onlyCollege = null, Action<string>? progress = null) =>
        WriteAll(Monthly, month.ToString(), onlyCollege, progress);

    /// <summary>The year-end brand assessments of a year (reports/YYYY/; a year under way: to its last month in the data).</summary>
    public IReadOnlyList<WrittenReport> WriteYear(int year, string? onlyCollege = null, Action<string>? progress = null) =>
        WriteAll(Yearly, year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), onlyCollege, progress);

    private List<WrittenReport> WriteAll(Kind kind, string period, string? onlyCollege, Action<string>? progress)
    {
        if (warehouse.Scalar<long>($"select count(*) from marts.school_{kind.Marts} where {kind.Key} = ?", period) == 0)
            throw new InvalidOperationException($"The warehouse has no figures for {period}: run 'analytics model' first, or choose another {kind.Marts}.");
        var colleges = warehouse.Query($"select distinct college_id, college_name from marts.college_{kind.Marts} where {kind.Key} = ? order by college_id",
            r => (Id: r.GetString(0), Name: r.GetString(1)), period);
        if (onlyCollege is not null && colleges.All(c => c.Id != onlyCollege))
            throw new ArgumentException($"--college '{onlyCollege}' is not a college in {period}; the colleges are {string.Join(", ", colleges.Select(c => c.Id))}.");

        ReportFont.UseForCharts(fontPath);
        var asOf = DataAsOf(warehouse);
        var dir = Path.Combine(reportsDir, period);
        Directory.CreateDirectory(dir);
        var queries = new ReportQuery(warehouse, queriesDir);
        var written = new List<WrittenReport>();
        var charts = Path.Combine(dir, "charts");
        if (onlyCollege is null)
            written.Add(WriteOne(new ReportContext(queries, period, "school", "学校", asOf, charts, fontPath), Path.Combine(dir, "school.pdf"), kind, progress));
        foreach (var (id, name) in colleges.Where(c => onlyCollege is null || c.Id == onlyCollege))
            written.Add(WriteOne(new ReportContext(queries, period, id, name, asOf, charts, fontPath), Path.Combine(dir, $"college-{id}.pdf"), kind, progress));
        return written;
    }

    private WrittenReport WriteOne(ReportContext context, string path, Kind kind, Action<string>? progress)
    {
        progress?.Invoke(path);
        var page = kind.Compose(context);
        var temp = path + ".tmp";
        PdfResult result;
        using (var stream = File.Create(temp))
            result = PdfWriter.Write(stream, page, new DocumentInfo(kind.Title(context), "景德镇学院党委组织部", context.AsOf), fontPath);
        File.Move(temp, path, overwrite: true); // a reader never sees half a PDF
        return new WrittenReport(path, result.Pages, new FileInfo(path).Length, result.MissingCharacters);
    }

    /// <summary>The data's as-of time: the last ledger load, in Asia/Shanghai.</summary>
    public static DateTime DataAsOf(DuckDBConnection warehouse)
    {
        var last = warehouse.Scalar<DateTime?>("select max(finished_at) from ops.ingested_files where status = 'loaded'")
            ?? throw new InvalidOperationException("No ledger has been loaded yet.");
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc)), Analytics.Warehouse.BusinessClock.Zone).DateTime;
    }
}
