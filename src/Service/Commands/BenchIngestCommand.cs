using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Analytics.Ingest.Catalogues;
using Analytics.Ingest.Loading;
using Analytics.Warehouse;
using Analytics.Service.Cli;
using Analytics.Service.Stages;
using DuckDB.NET.Data;

namespace Analytics.Service.Commands;

/// <summary>
/// <c>analytics bench ingest</c>: times attendance ingest (probe, stage, validate, load, commit, archive) against
/// DuckDB's own <c>read_csv</c> of the same file into a table of a file database, in one run on this machine.
/// </summary>
public static class BenchIngestCommand
{
    private const int MembersPerActivity = 20;

    /// <summary>Ingest's target and goal as ratios to DuckDB's own read_csv + checkpoint of the same file.</summary>
    public const double TargetRatio = 2.0, GoalRatio = 1.2;

    public static int Run(AnalyticsSettings settings, TimeProvider clock, TextWriter output, long rows)
    {
        if (rows < MembersPerActivity) throw new ArgumentException($"--rows must be at least {MembersPerActivity}.");
        var dir = Path.GetFullPath(Path.Combine(settings.DataDir, "bench", "ingest"));
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        var benchSettings = new AnalyticsSettings { DataDir = dir, CataloguesDir = settings.CataloguesDir, MemoryLimit = settings.MemoryLimit };
        var options = benchSettings.Ingest;
        Directory.CreateDirectory(options.InboxDir);

        var activities = rows / MembersPerActivity;
        var members = (int)Math.Clamp(activities / 10, 1_000, 100_000);
        output.WriteLine($"Writing {rows:N0} attendance rows ({activities:N0} activities × {MembersPerActivity} of {members:N0} members) …");
        WriteReferenceLedgers(options.InboxDir, members, activities);
        var attendanceFile = Path.Combine(dir, "attendance.csv");
        WriteAttendance(attendanceFile, members, activities);
        var megabytes = new FileInfo(attendanceFile).Length / 1_048_576.0;

        output.WriteLine("Loading the org units, members and activities it refers to (not timed) …");
        var pipeline = new Pipeline(benchSettings, clock);
        pipeline.Ingest();

        output.WriteLine("Baseline: DuckDB read_csv into a table of a fresh file database (twice, the faster kept) …");
        var (readCsv, checkpoint) = Baseline(Path.Combine(dir, "baseline.duckdb"), attendanceFile);
        // The warehouse is written in a newer storage format than DuckDB's default (WarehouseDatabase.StorageVersion);
        // read_csv into that format is shown too, so that part of the ratio is not mistaken for ingest's own work.
        output.WriteLine($"The same in the warehouse's storage format ({WarehouseDatabase.StorageVersion}) …");
        var (readCsvSameFormat, checkpointSameFormat) = Baseline(Path.Combine(dir, "baseline-format.duckdb"), attendanceFile, WarehouseDatabase.StorageVersion);

        output.WriteLine("analytics ingest of the same file …");
        File.Copy(attendanceFile, Path.Combine(options.InboxDir, "attendance.csv"));
        var watch = Stopwatch.StartNew();
        var outcome = pipeline.Ingest().Outcomes.Single();
        var ours = watch.Elapsed.TotalSeconds;
        if (outcome.RowsLoaded != rows)
            throw new InvalidOperationException($"The benchmark ingest loaded {outcome.RowsLoaded} of {rows} rows: {outcome.Message}");

        var table = new TextTable("measure", "seconds", "rows/s", "ratio");
        table.Add("DuckDB read_csv → table", F(readCsv), F0(rows / readCsv), "1.00×");
        table.Add("DuckDB read_csv → table + checkpoint", F(readCsv + checkpoint), F0(rows / (readCsv + checkpoint)), F(1.0 * (readCsv + checkpoint) / readCsv) + "×");
        var sameFormat = readCsvSameFormat + checkpointSameFormat;
        table.Add($"… + checkpoint, storage format {WarehouseDatabase.StorageVersion}", F(sameFormat), F0(rows / sameFormat), F(sameFormat / readCsv) + "×");
        var ratio = ours / (readCsv + checkpoint);
        table.Add("analytics ingest (validated, committed)", F(ours), F0(rows / ours), F(ratio) + "× of read_csv + checkpoint");
        table.Add("", "", "", F(ours / sameFormat) + $"× of the same in {WarehouseDatabase.StorageVersion}");
        output.WriteLine();
        output.WriteLine($"Attendance ingest, {rows:N0} rows, {megabytes:0.0} MB of CSV, {Environment.ProcessorCount} cores");
        output.Write(table);
        output.WriteLine("Phases of the ingest: " + string.Join(", ", outcome.PhaseSeconds.Select(p => $"{p.Key} {F(p.Value)} s")));
        output.WriteLine($"Target ≤ {F(TargetRatio)}× (goal {F(GoalRatio)}×): {(ratio <= TargetRatio ? "met" : "NOT met")}");

        var result = Path.Combine(settings.DataDir, "bench", "ingest.json");
        File.WriteAllText(result, JsonSerializer.Serialize(new
        {
            measured_at = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            rows, megabytes = Math.Round(megabytes, 1), cores = Environment.ProcessorCount,
            read_csv_seconds = Math.Round(readCsv, 3), checkpoint_seconds = Math.Round(checkpoint, 3),
            ingest_seconds = Math.Round(ours, 3), ingest_rows_per_second = Math.Round(rows / ours),
            ratio_to_read_csv = Math.Round(ours / readCsv, 3), ingest_phase_seconds = outcome.PhaseSeconds, ratio_to_read_csv_with_checkpoint = Math.Round(ours / (readCsv + checkpoint), 3),
            warehouse_storage_version = WarehouseDatabase.StorageVersion, read_csv_with_checkpoint_same_format_seconds = Math.Round(sameFormat, 3),
            ratio_to_read_csv_with_checkpoint_same_format = Math.Round(ours / sameFormat, 3),
        }, new JsonSerializerOptions { WriteIndented = true }));
        output.WriteLine($"Figures written to {Path.GetFullPath(result)}");
        return 0;
    }

    /// <summary>
    /// DuckDB's own read_csv of the file into a table of a fresh file database, then a checkpoint: run twice and the
    /// fastest run kept, since a single run on a shared machine varies by half.
    /// </summary>
    /// <param name="storageVersion">The new file's storage format; DuckDB's default when null.</param>
    internal static (double ReadCsv, double Checkpoint) Baseline(string database, string csv, string? storageVersion = null)
    {
        (double ReadCsv, double Checkpoint) best = (double.MaxValue, 0);
        for (var run = 0; run < 2; run++)
        {
            foreach (var file in new[] { database, database + ".wal" }) File.Delete(file);
            using var connection = new DuckDBConnection($"DataSource={database}" + (storageVersion is null ? "" : $";storage_compatibility_version={storageVersion}"));
            connection.Open();
            var watch = Stopwatch.StartNew();
            connection.Execute($"create table attendance as select * from read_csv({SqlExtensions.Literal(csv)})");
            var readCsv = watch.Elapsed.TotalSeconds;
            watch.Restart();
            connection.Execute("checkpoint");
            var checkpoint = watch.Elapsed.TotalSeconds;
            if (readCsv + checkpoint < best.ReadCsv + best.Checkpoint) best = (readCsv, checkpoint);
        }
        return best;
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
    private static string F0(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string ActivityId(long a) => $"HD{202501 + a % 12:000000}{a:0000000}";
    private static string MemberId(long m) => $"JDZ{m:000000}";
    private static string BranchId(long b) => $"B{b:000}";

    private static void WriteReferenceLedgers(string inbox, int members, long activities)
    {
        using (var w = Writer(Path.Combine(inbox, "org_units.csv")))
        {
            w.WriteLine("unit_id,unit_name,unit_type,parent_id,category");
            w.WriteLine("C001,基准学院党总支,党总支,,");
            for (var b = 0; b < 50; b++) w.WriteLine($"{BranchId(b)},基准第{b}党支部,党支部,C001,学生");
        }
        using (var w = Writer(Path.Combine(inbox, "members.csv")))
        {
            w.WriteLine("member_id,name,member_type,branch_id,valid_from");
            for (var m = 0; m < members; m++) w.WriteLine($"{MemberId(m)},党员{m},学生,{BranchId(m % 50)},2024-09-01");
        }
        using (var w = Writer(Path.Combine(inbox, "activities.csv")))
        {
            w.WriteLine("activity_id,unit_id,held_on,activity_type");
            for (long a = 0; a < activities; a++) w.WriteLine($"{ActivityId(a)},{BranchId(a % 50)},2025-{a % 12 + 1:00}-15,主题党日");
        }
    }

    private static void WriteAttendance(string path, int members, long activities)
    {
        string[] statuses = ["出席", "出席", "出席", "出席", "出席", "出席", "出席", "出席", "请假", "缺席"];
        using var w = Writer(path);
        w.WriteLine("activity_id,member_id,status");
        for (long a = 0; a < activities; a++)
        {
            var id = ActivityId(a);
            var first = a * 7 % members;
            for (var j = 0; j < MembersPerActivity; j++)
                w.WriteLine($"{id},{MemberId((first + j) % members)},{statuses[(a + j) % statuses.Length]}");
        }
    }

    private static StreamWriter Writer(string path) => new(path, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
}
