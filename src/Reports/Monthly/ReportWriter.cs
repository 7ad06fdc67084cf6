using System.Diagnostics;
using System.Globalization;
using Analytics.Ingest.Warehouse;
using Analytics.Reports.Document;
using DuckDB.NET.Data;

namespace Analytics.Reports.Monthly;

/// <summary>One written report: where it went, how many pages, and characters the font could not draw.</summary>
public sealed record WrittenReport(string Path, int Pages, long Bytes, IReadOnlyCollection<string> MissingCharacters);

/// <summary>
/// Writes a month's assessments: reports/YYYY-MM/school.pdf and college-&lt;id&gt;.pdf, with each chart also as PNG and
/// SVG in reports/YYYY-MM/charts/. Nothing inside depends on the wall clock: the same warehouse and month give the
/// same bytes.
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
        Directory.CreateDirectory(dir);
        var queries = new ReportQuery(warehouse, queriesDir);
        var colleges = warehouse.Query("select distinct college_id, college_name from marts.college_month where month_id = ? order by college_id",
            r => (Id: r.GetString(0), Name: r.GetString(1)), month);
        if (onlyCollege is not null && colleges.All(c => c.Id != onlyCollege))
            throw new ArgumentException($"--college '{onlyCollege}' is not a college in {month}; the colleges are {string.Join(", ", colleges.Select(c => c.Id))}.");

        var written = new List<WrittenReport>();
        var charts = Path.Combine(dir, "charts");
        if (onlyCollege is null)
            written.Add(WriteOne(new ReportContext(queries, month, "school", "学校", asOf, charts, fontPath), Path.Combine(dir, "school.pdf"), progress));
        foreach (var (id, name) in colleges.Where(c => onlyCollege is null || c.Id == onlyCollege))
            written.Add(WriteOne(new ReportContext(queries, month, id, name, asOf, charts, fontPath), Path.Combine(dir, $"college-{id}.pdf"), progress));
        return written;
    }

    private WrittenReport WriteOne(ReportContext context, string path, Action<string>? progress)
    {
        progress?.Invoke(path);
        var page = MonthlyReport.Compose(context);
        var temp = path + ".tmp";
        PdfResult result;
        using (var stream = File.Create(temp))
            result = PdfWriter.Write(stream, page, new DocumentInfo($"窑火红月度评估 {Format.Month(context.Month)} {context.UnitName}", "景德镇学院", context.AsOf), fontPath);
        File.Move(temp, path, overwrite: true); // a reader never sees half a PDF
        return new WrittenReport(path, result.Pages, new FileInfo(path).Length, result.MissingCharacters);
    }

    /// <summary>The data's as-of time: the last ledger load, in Asia/Shanghai.</summary>
    private DateTime AsOf()
    {
        var last = warehouse.Scalar<DateTime?>("select max(finished_at) from ops.ingested_files where status = 'loaded'")
            ?? throw new InvalidOperationException("No ledger has been loaded yet.");
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc)), Analytics.Ingest.Time.BusinessClock.Zone).DateTime;
    }
}
