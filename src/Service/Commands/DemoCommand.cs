using Analytics.Demo;
using Analytics.Ingest.Loading;
using Analytics.Warehouse;

namespace Analytics.Service.Commands;

/// <summary>
/// <c>analytics demo</c>: generates the demo university's ledgers and runs every pipeline stage over them
/// (ingest, models and the evaluators' snapshot, the example queries, the lagging-branch flags judged against the
/// generator's ground truth, the alerts, and the assessment PDFs of every month).
/// </summary>
public static class DemoCommand
{
    private const string Marker = ".analytics-demo";

    public static int Run(AnalyticsSettings settings, TimeProvider clock, TextWriter output, int seed, DateOnly? asOf, bool force, bool firstYear = false, bool skipReports = false)
    {
        PrepareDataDir(settings, force);
        var day = asOf ?? BusinessClock.Today(clock);
        // With --as-of every stage lives on that day: a ledger row dated after it is in the future, as it was then.
        clock = ShiftedClock.OnDay(clock, day);
        var dataset = DemoGenerator.Generate(settings.DataDir, day, seed, firstYear);
        var u = dataset.University;
        output.WriteLine($"Generated the demo university (seed {seed}, {u.FirstDay:yyyy-MM} to {u.LastDay:yyyy-MM}{(firstYear ? ", its first year: grades only of the year before" : "")}): " +
                         $"{u.Units.Count(x => x.Type == "党总支")} 党总支, {u.Branches.Count()} branches, " +
                         $"{u.Memberships.Select(m => m.MemberId).Distinct().Count()} members, {u.Activities.Count} activities, " +
                         $"{u.Attendance.Count} attendance records, {u.Pledges.Count} pledges");
        output.WriteLine($"  {dataset.Files.Count} ledger files in {Path.GetFullPath(dataset.InboxDir)}");
        output.WriteLine($"  ground truth (planted lagging branches): {Path.GetFullPath(dataset.GroundTruthPath)}");
        output.WriteLine($"  manifest (rows, planted bad rows per file): {Path.GetFullPath(dataset.ManifestPath)}");
        output.WriteLine();

        var outcomes = IngestCommand.Ingest(settings, clock, output);

        var mismatches = Reconcile(dataset.Files, outcomes).ToList();
        output.WriteLine();
        if (mismatches.Count == 0)
            output.WriteLine($"Reconciled: for all {dataset.Files.Count} files, read = loaded + quarantined + duplicates, and every count equals the generator's manifest.");
        else
            foreach (var m in mismatches) output.WriteLine("MISMATCH: " + m);
        output.WriteLine(IngestCommand.Where(settings));
        if (mismatches.Count > 0) return 1;

        output.WriteLine();
        ModelCommand.Run(settings, clock, output);
        ShowExamples(settings, output);
        output.WriteLine();
        FlagCommand.Run(settings, clock, output, dataset.GroundTruthPath);
        output.WriteLine();
        GradeConfusion(settings, clock, output, Analytics.Flags.GroundTruth.Load(dataset.GroundTruthPath), u);
        if (skipReports) return 0;
        output.WriteLine();
        WriteReports(settings, clock, output, u);
        output.WriteLine();
        SiteCommand.Run(settings, clock, output, Month.Of(u.Months().Last()), Path.Combine(settings.DataDir, "site"));
        return 0;
    }

    /// <summary>The assessment PDFs of every demo month: one line per month.</summary>
    private static void WriteReports(AnalyticsSettings settings, TimeProvider clock, TextWriter output, DemoUniversity u)
    {
        output.WriteLine($"Rendering the monthly assessments of every demo month into {Path.GetFullPath(settings.ReportsDir)} …");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var total = 0;
        foreach (var month in u.Months().Select(Month.Of))
        {
            var reports = ReportCommand.Run(settings, clock, TextWriter.Null, month, null, quiet: true);
            total += reports.Count;
            output.WriteLine($"  {month}: {Path.GetFullPath(reports[0].Path)} and {reports.Count - 1} college reports ({reports.Sum(r => r.Pages)} pages, {reports.Sum(r => r.Bytes) / 1_048_576.0:0.0} MB)");
        }
        output.WriteLine($"{total} PDFs in {watch.Elapsed.TotalSeconds:0.0} s; each chart also as PNG and SVG under <month>/charts/.");

        output.WriteLine("Rendering the year-end brand assessments (组织实施, 目标任务, 实际成效, 社会效应) of every demo year …");
        foreach (var year in u.Months().Select(m => m.Year).Distinct())
        {
            var reports = ReportCommand.RunYear(settings, clock, TextWriter.Null, year, null, quiet: true);
            output.WriteLine($"  {year}: {Path.GetFullPath(reports[0].Path)} and {reports.Count - 1} college reports ({reports.Sum(r => r.Pages)} pages)");
        }
    }

    /// <summary>
    /// How the monthly grades of the final year (March on) split the branches the generator made lag from the rest:
    /// a grade a party committee can believe rates healthy branches 较好/好 and lagging ones 一般/差.
    /// </summary>
    private static void GradeConfusion(AnalyticsSettings settings, TimeProvider clock, TextWriter output, Analytics.Flags.GroundTruth truth, DemoUniversity u)
    {
        var from = $"{u.LastDay.Year}-03";
        using var connection = new Stages.Pipeline(settings, clock).OpenWarehouse();
        var rows = connection.Query($"select branch_id, month_id, grade from marts.branch_month where n_active_members > 0 and month_id >= '{from}'",
            r => (Lags: truth.Lags(r.GetString(0), r.GetString(1)), Grade: r.GetString(2)));
        var table = new Cli.TextTable("branch-months from " + from, "好", "较好", "一般", "差", "graded 一般/差");
        foreach (var group in rows.GroupBy(r => r.Lags).OrderBy(g => g.Key))
            table.Add(group.Key ? "planted laggards" : "the other branches", group.Count(r => r.Grade == "好"), group.Count(r => r.Grade == "较好"),
                group.Count(r => r.Grade == "一般"), group.Count(r => r.Grade == "差"),
                (group.Count(r => r.Grade is "一般" or "差") / (double)group.Count()).ToString("P1", System.Globalization.CultureInfo.InvariantCulture));
        output.WriteLine("Monthly grades against the ground truth:");
        output.Write(table);

        // The school's score month by month against its own yearly median: a grade that moves with the calendar
        // (a new pledge year, the summer break) would show here as a month far from the rest.
        var school = connection.Query($"select month_id, composite_score, grade from marts.school_month where month_id like '{u.LastDay.Year}-%' order by month_id",
            r => (Month: r.GetString(0), Score: r.GetDouble(1), Grade: r.GetString(2)));
        if (school.Count == 0) return;
        var sorted = school.Select(s => s.Score).Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        output.WriteLine($"The school in {u.LastDay.Year}: " + string.Join(", ", school.Select(s => $"{s.Month[5..]} {s.Score.ToString("0.0", inv)} {s.Grade}")) +
                         $"; median {median.ToString("0.0", inv)}, farthest month {school.Max(s => Math.Abs(s.Score - median)).ToString("0.0", inv)} points from it");
    }

    /// <summary>Runs each example query of queries/examples against the snapshot, as an evaluator would.</summary>
    private static void ShowExamples(AnalyticsSettings settings, TextWriter output)
    {
        var examples = Path.Combine(settings.Queries, "examples");
        if (!Directory.Exists(examples)) return;
        foreach (var file in Directory.GetFiles(examples, "*.sql").Order(StringComparer.Ordinal))
        {
            output.WriteLine();
            output.WriteLine($"analytics sql \"$(cat queries/examples/{Path.GetFileName(file)})\"");
            output.WriteLine("  " + File.ReadLines(file).First().TrimStart('-', ' '));
            SqlCommand.Run(settings, output, File.ReadAllText(file), "table");
        }
    }

    /// <summary>Every difference between what the generator planted and what ingest counted.</summary>
    public static IEnumerable<string> Reconcile(IReadOnlyList<LedgerFileSpec> files, IReadOnlyList<FileOutcome> outcomes)
    {
        foreach (var spec in files)
        {
            var o = outcomes.SingleOrDefault(x => x.FileName == spec.FileName);
            if (o is null) { yield return $"{spec.FileName}: not ingested"; continue; }
            if (spec.Rejected != (o.Status == FileStatus.Rejected)) { yield return $"{spec.FileName}: status {o.Status}"; continue; }
            if (spec.Rejected) continue;
            if (!o.Reconciles) yield return $"{spec.FileName}: read {o.RowsRead} ≠ loaded + quarantined + duplicates";
            if ((o.RowsRead, o.RowsLoaded, o.RowsQuarantined, o.DuplicatesSkipped) != (spec.Rows, spec.ExpectedLoaded, spec.QuarantinedRows, spec.Duplicates))
                yield return $"{spec.FileName}: expected read/loaded/quarantined/duplicates {spec.Rows}/{spec.ExpectedLoaded}/{spec.QuarantinedRows}/{spec.Duplicates}, " +
                             $"got {o.RowsRead}/{o.RowsLoaded}/{o.RowsQuarantined}/{o.DuplicatesSkipped}";
        }
    }

    /// <summary>The demo starts from an empty data folder, but never wipes one that holds real data.</summary>
    private static void PrepareDataDir(AnalyticsSettings settings, bool force)
    {
        var dir = Path.GetFullPath(settings.DataDir);
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
        {
            if (!File.Exists(Path.Combine(dir, Marker)) && !force)
                throw new InvalidOperationException(
                    $"The data folder {dir} holds data the demo did not make. Choose another with --data-dir, or pass --force to replace it.");
            Directory.Delete(dir, recursive: true);
        }
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, Marker), "This folder was made by 'analytics demo' and is replaced by the next demo run.\n");
    }
}
