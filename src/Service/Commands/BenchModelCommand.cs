using System.Globalization;
using System.Text.Json;
using Analytics.Demo;
using Analytics.Service.Cli;
using Analytics.Service.Stages;
using Analytics.Warehouse;

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
        var dataset = DemoGenerator.Generate(dir, BusinessClock.Today(clock), seed);
        var pipeline = new Pipeline(bench, clock);
        output.WriteLine($"Ingesting the demo university ({dataset.University.FirstDay:yyyy-MM} to {dataset.University.LastDay:yyyy-MM}) …");
        pipeline.Ingest();

        output.WriteLine($"Full build, {Runs} runs …");
        var builds = Enumerable.Range(0, Runs).Select(_ => pipeline.Build(full: true).Result).ToList();
        var full = builds.Select(b => b.Seconds).Order().ElementAt(Runs / 2);
        long months, rows;
        using (var connection = pipeline.OpenWarehouse())
        {
            months = connection.Scalar<long>("select count(*) from intermediate.int_months");
            rows = connection.Scalar<long>("select sum(estimated_size) from duckdb_tables() where schema_name = 'marts'");
        }

        var newMonth = NextMonthLedgers.Write(dataset.University, bench.Ingest.InboxDir);
        var added = pipeline.Ingest().Outcomes;
        output.WriteLine($"Added {newMonth.Month}: " + string.Join(", ", added.Select(o => $"{o.RowsLoaded} {o.Kind} rows loaded ({o.RowsQuarantined} quarantined)")) +
                         "; rebuilding …");
        // Once: a second incremental rebuild would find nothing new.
        var rebuild = pipeline.Build().Result.Seconds;

        var table = new TextTable("measure", "seconds", "ratio");
        table.Add($"full build ({builds[0].Models.Count} models, {months} months, {rows:N0} mart rows)", F(full), "1.00×");
        table.Add($"rebuild after one new month ({newMonth.Month})", F(rebuild), F(rebuild / full) + "×");
        output.WriteLine();
        output.Write(table);
        output.WriteLine("The rebuild is incremental: month-keyed tables are recomputed from the new month on.");
        var result = Path.Combine(settings.DataDir, "bench", "model.json");
        File.WriteAllText(result, JsonSerializer.Serialize(new
        {
            measured_at = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), models = builds[0].Models.Count, months, mart_rows = rows,
            full_build_seconds = Math.Round(full, 3), one_new_month_rebuild_seconds = Math.Round(rebuild, 3), ratio = Math.Round(rebuild / full, 3),
        }, new JsonSerializerOptions { WriteIndented = true }));
        output.WriteLine($"Figures written to {Path.GetFullPath(result)}");
        return 0;
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
