using System.CommandLine;
using System.Globalization;
using Analytics.Service;
using Analytics.Service.Commands;
using Analytics.Service.Cli;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
Console.OutputEncoding = System.Text.Encoding.UTF8;

var clock = TimeProvider.System;
var dataDir = new Option<string?>("--data-dir") { Description = "Data folder (inbox, archive, rejected, warehouse); default from appsettings.json: ./data", Recursive = true };
var root = new RootCommand("Kiln-Fire Red (窑火红) analytics: ledgers in, warehouse, assessments out.");
root.Options.Add(dataDir);

// Every command loads the settings (with --data-dir) and turns failures into plain messages the same way.
void Handle(Command command, Func<ParseResult, AnalyticsSettings, int> run) =>
    command.SetAction(p => Cli(() => run(p, AnalyticsSettings.Load(p.GetValue(dataDir)))));

var seed = new Option<int>("--seed") { Description = "Seed of the demo generator", DefaultValueFactory = _ => Analytics.Demo.DemoGenerator.DefaultSeed };
var asOf = new Option<string?>("--as-of") { Description = "Export day of the demo ledgers, yyyy-MM-dd (default: today in Asia/Shanghai); data runs to the end of the month before" };
var force = new Option<bool>("--force") { Description = "Replace a data folder the demo did not make" };
var firstYear = new Option<bool>("--first-year") { Description = "A university in its first year: this year's ledgers only, 述职评议 grades only of the year before" };
var skipReports = new Option<bool>("--skip-reports") { Description = "Stop after the flags and alerts: no PDFs, no website column" };
var demo = new Command("demo", "Generate realistic ledgers for the whole university and run the pipeline over them") { seed, asOf, force, firstYear, skipReports };
Handle(demo, (p, s) => DemoCommand.Run(s, clock, Console.Out,
    p.GetValue(seed), ParseDay(p.GetValue(asOf)), p.GetValue(force), p.GetValue(firstYear), p.GetValue(skipReports)));
root.Subcommands.Add(demo);

var ingest = new Command("ingest", "Load every ledger waiting in the inbox into the warehouse");
Handle(ingest, (p, s) => IngestCommand.Run(s, clock, Console.Out));
root.Subcommands.Add(ingest);

var full = new Option<bool>("--full") { Description = "Rebuild every month of every model (default: month-keyed tables from the earliest month new data touches)" };
var model = new Command("model", "Build the SQL models under queries/ and publish the evaluators' snapshot") { full };
Handle(model, (p, s) => ModelCommand.Run(s, clock, Console.Out, p.GetValue(full)));
root.Subcommands.Add(model);

var truth = new Option<string?>("--truth") { Description = "A ground-truth file (the demo's ground-truth.json) to judge the flags against on months not trained on" };
var flag = new Command("flag", "Train the lagging-branch model, score every branch-month and store the flags with their reasons") { truth };
Handle(flag, (p, s) => FlagCommand.Run(s, clock, Console.Out, p.GetValue(truth)));
root.Subcommands.Add(flag);

var allWarnings = new Option<bool>("--all") { Description = "Closed warnings too" };
var warnings = new Command("warnings", "The open warnings: since when, months flagged, escalation, reasons and the alerts sent") { allWarnings };
Handle(warnings, (p, s) => WarningsCommand.Run(s, clock, Console.Out, p.GetValue(allWarnings)));
root.Subcommands.Add(warnings);

var month = new Option<string?>("--month") { Description = "The month to report, YYYY-MM" };
var year = new Option<string?>("--year") { Description = "The year-end brand assessment of a year, YYYY (a year under way: to date)" };
var college = new Option<string?>("--college") { Description = "Only this college's report (its unit id)" };
var report = new Command("report", "Render the assessment PDFs of a month (--month) or the year-end ones (--year): school.pdf and one per college") { month, year, college };
Handle(report, (p, s) =>
{
    var (m, y) = (p.GetValue(month), p.GetValue(year));
    if ((m is null) == (y is null)) throw new ArgumentException("report needs --month YYYY-MM or --year YYYY (one of them).");
    if (m is not null) ReportCommand.Run(s, clock, Console.Out, PeriodArguments.Month(m), p.GetValue(college));
    else ReportCommand.RunYear(s, clock, Console.Out, PeriodArguments.Year(y!), p.GetValue(college));
    return 0;
});
root.Subcommands.Add(report);

var siteMonth = new Option<string>("--month") { Description = "The month the column shows, YYYY-MM", Required = true };
var siteOut = new Option<string>("--out") { Description = "Folder to write the site into (created if missing)", Required = true };
var site = new Command("site", "Write the school website's 窑火红 column for a month: static HTML, CSS and SVG, aggregates only") { siteMonth, siteOut };
Handle(site, (p, s) => { SiteCommand.Run(s, clock, Console.Out, PeriodArguments.Month(p.GetValue(siteMonth)!), p.GetValue(siteOut)!); return 0; });
root.Subcommands.Add(site);

var run = new Command("run", "Run the scheduled service (Quartz, Asia/Shanghai): ingest every 15 minutes, rebuild when data changed, reports on the 1st");
Handle(run, (p, s) => RunCommand.Run(s, clock, Console.Out));
root.Subcommands.Add(run);

var forceRebuild = new Option<bool>("--force") { Description = "Swap the rebuilt warehouse in even when it differs from the current one (to apply a changed contract to history)" };
var rebuild = new Command("rebuild", "Replay every archived ledger into a new warehouse; swap it in when it equals the current one or the current one cannot be opened") { forceRebuild };
Handle(rebuild, (p, s) => RebuildCommand.Run(s, clock, Console.Out, p.GetValue(forceRebuild)));
root.Subcommands.Add(rebuild);

var status = new Command("status", "Last run of each job, ledger freshness, quarantined rows and the next fire times");
Handle(status, (p, s) => StatusCommand.Run(s, clock, Console.Out));
root.Subcommands.Add(status);

var templatesOut = new Option<string>("--out") { Description = "Folder to write the XLSX templates into (created if missing)", Required = true };
var templatesCollege = new Option<string?>("--college") { Description = "Pre-fill this college's units (its unit id) and offer only them in the drop-down lists" };
var templates = new Command("templates", "Write the XLSX templates organisers fill in: one per ledger kind, with drop-down lists and a 填写说明 sheet") { templatesOut, templatesCollege };
Handle(templates, (p, s) => TemplatesCommand.Run(s, clock, Console.Out, p.GetValue(templatesOut)!, p.GetValue(templatesCollege)));
root.Subcommands.Add(templates);

var parquet = new Option<string>("--parquet") { Description = "Directory for the marts as Hive-partitioned Parquet (year, college)", Required = true };
var export = new Command("export", "Write the marts as Hive-partitioned Parquet that Spark, Trino or another DuckDB can read") { parquet };
Handle(export, (p, s) => ExportCommand.Run(s, clock, Console.Out, p.GetValue(parquet)!));
root.Subcommands.Add(export);

var query = new Argument<string>("query") { Description = "One read-only SQL query against the snapshot" };
var format = new Option<string>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" };
var sql = new Command("sql", "Run a read-only query against the published snapshot") { query, format };
Handle(sql, (p, s) => SqlCommand.Run(s, Console.Out, p.GetValue(query)!, p.GetValue(format)!));
root.Subcommands.Add(sql);

var rows = new Option<long>("--rows") { Description = "Attendance rows in the benchmark file", DefaultValueFactory = _ => 5_000_000 };
var benchIngest = new Command("ingest", "Attendance ingest against DuckDB's own read_csv of the same file, in one run") { rows };
Handle(benchIngest, (p, s) => BenchIngestCommand.Run(s, clock, Console.Out, p.GetValue(rows)));
var benchModel = new Command("model", "Full model build and the rebuild after one new month, on a fresh demo warehouse") { seed };
Handle(benchModel, (p, s) => BenchModelCommand.Run(s, clock, Console.Out, p.GetValue(seed)));
var benchMonths = new Option<int>("--months") { Description = "Months of the large tier", DefaultValueFactory = _ => 60 };
var regenerate = new Option<bool>("--regenerate") { Description = "Write the large tier again even if an earlier run left it" };
var benchAll = new Command("all", "Every stage on the large tier against its target (ingest, models, one new month, flag, PDFs, memory)") { benchMonths, regenerate };
Handle(benchAll, (p, s) => BenchAllCommand.Run(s, clock, Console.Out, p.GetValue(benchMonths), p.GetValue(regenerate)));
var bench = new Command("bench", "Measure a stage against its baseline (run on demand)") { benchAll, benchIngest, benchModel };
root.Subcommands.Add(bench);

return root.Parse(args).Invoke();

static int Cli(Func<int> action)
{
    try
    {
        return action();
    }
    catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or ArgumentException or FormatException)
    {
        Console.Out.Flush();
        Console.Error.WriteLine($"error: {ex.Message}");
        return 1;
    }
    catch (DuckDB.NET.Data.DuckDBException ex)
    {
        Console.Out.Flush();
        Console.Error.WriteLine($"error: the warehouse said: {ex.Message.Split('\n')[0]}");
        return 1;
    }
}

static DateOnly? ParseDay(string? text) =>
    text is null ? null
    : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
    : throw new FormatException($"--as-of '{text}' is not a date in the form yyyy-MM-dd.");
