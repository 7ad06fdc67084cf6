using System.Globalization;
using System.Text;
using System.Text.Json;
using Analytics.Demo;
using Analytics.Ingest.Catalogues;
using Analytics.Ingest.Loading;
using Analytics.Ingest.Warehouse;
using Analytics.Model;
using Analytics.Service.Cli;

namespace Analytics.Service.Commands;

/// <summary>
/// <c>analytics bench model</c>: on a fresh demo warehouse, times a full build of the models, then adds one more
/// month of activities and attendance and times the rebuild (median of three runs each).
/// </summary>
public static class BenchModelCommand
{
    private const int Runs = 3;

    public static int Run(AnalyticsSettings settings, TimeProvider clock, TextWriter output, int seed)
    {
        var dir = Path.GetFullPath(Path.Combine(settings.DataDir, "bench", "model"));
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        var bench = new AnalyticsSettings { DataDir = dir, CataloguesDir = settings.CataloguesDir, QueriesDir = settings.QueriesDir, MemoryLimit = settings.MemoryLimit };
        var dataset = DemoGenerator.Generate(dir, Analytics.Ingest.Time.BusinessClock.Today(clock), seed);
        var catalogue = Catalogue.Load(Catalogue.Locate(settings.CataloguesDir));
        using var connection = WarehouseDatabase.Open(bench.Warehouse, clock, bench.MemoryLimit);
        output.WriteLine($"Ingesting the demo university ({dataset.University.FirstDay:yyyy-MM} to {dataset.University.LastDay:yyyy-MM}) …");
        new InboxIngestor(connection, catalogue, bench.Ingest, clock).Run();

        var models = ModelDiscovery.Discover(bench.Queries);
        var builder = new ModelBuilder(connection, MartContracts.Load(bench.Queries));
        double Median() => Enumerable.Range(0, Runs).Select(_ => builder.Build(models).Seconds).Order().ElementAt(Runs / 2);
        output.WriteLine($"Full build of {models.Count} models, {Runs} runs …");
        var full = Median();
        var months = connection.Scalar<long>("select count(*) from intermediate.int_months");
        var rows = connection.Scalar<long>("select sum(estimated_size) from duckdb_tables() where schema_name = 'marts'");

        var newMonth = WriteNextMonth(dataset.University, bench.Ingest.InboxDir);
        var added = new InboxIngestor(connection, catalogue, bench.Ingest, clock).Run();
        output.WriteLine($"Added {newMonth.Month}: " + string.Join(", ", added.Select(o => $"{o.RowsLoaded} {o.Kind} rows loaded ({o.RowsQuarantined} quarantined)")) +
                         $"; rebuilding, {Runs} runs …");
        // Once: a second incremental rebuild would find nothing new.
        var rebuild = builder.Build(models, incremental: true).Seconds;

        var table = new TextTable("measure", "seconds", "ratio");
        table.Add($"full build ({months} months, {rows:N0} mart rows)", F(full), "1.00×");
        table.Add($"rebuild after one new month ({newMonth.Month})", F(rebuild), F(rebuild / full) + "×");
        output.WriteLine();
        output.Write(table);
        output.WriteLine("The rebuild is incremental: month-keyed tables are recomputed from the new month on.");
        var result = Path.Combine(settings.DataDir, "bench", "model.json");
        File.WriteAllText(result, JsonSerializer.Serialize(new
        {
            measured_at = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), models = models.Count, months, mart_rows = rows,
            full_build_seconds = Math.Round(full, 3), one_new_month_rebuild_seconds = Math.Round(rebuild, 3), ratio = Math.Round(rebuild / full, 3),
        }, new JsonSerializerOptions { WriteIndented = true }));
        output.WriteLine($"Figures written to {Path.GetFullPath(result)}");
        return 0;
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The last month's activities again, one month later, with their attendance: a plausible next month.</summary>
    public static (string Month, int Activities, int Attendance) WriteNextMonth(DemoUniversity u, string inbox)
    {
        var last = new DateOnly(u.LastDay.Year, u.LastDay.Month, 1);
        var activities = u.Activities.Where(a => a.HeldOn >= last).ToList();
        var ids = activities.ToDictionary(a => a.Id, a => a.Id + "N");
        var attendance = u.Attendance.Where(r => ids.ContainsKey(r.ActivityId)).ToList();
        var utf8 = new UTF8Encoding(false);
        File.WriteAllLines(Path.Combine(inbox, "next-month-activities.csv"),
            ["activity_id,unit_id,held_on,activity_type,participants,external_audience"], utf8);
        File.AppendAllLines(Path.Combine(inbox, "next-month-activities.csv"), activities.Select(a =>
            $"{ids[a.Id]},{a.UnitId},{a.HeldOn.AddMonths(1):yyyy-MM-dd},{string.Join("、", a.Types)},{a.Participants},{a.ExternalAudience}"), utf8);
        File.WriteAllLines(Path.Combine(inbox, "next-month-attendance.csv"),
            attendance.Select(r => $"{ids[r.ActivityId]},{r.MemberId},{r.Status}").Prepend("activity_id,member_id,status"), utf8);
        return (last.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture), activities.Count, attendance.Count);
    }
}
