using Analytics.Flags;
using Analytics.Flags.Alerts;
using Analytics.Ingest.Catalogues;
using Analytics.Ingest.Loading;
using Analytics.Model;
using Analytics.Reports.Document;
using Analytics.Reports.Monthly;
using Analytics.Reports.Writing;
using Analytics.Reports.Site;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Service.Stages;

/// <summary>What one ingest did: each file's outcome and what was quarantined.</summary>
public sealed record IngestRun(IReadOnlyList<FileOutcome> Outcomes, QuarantineExcerpt Quarantine)
{
    public bool Changed => Outcomes.Any(o => o.Status == FileStatus.Loaded);
}

/// <summary>What one model build did: the build (models, rows, seconds, incremental plan) and the snapshot published.</summary>
public sealed record BuildRun(ModelBuildResult Result, PublishedSnapshot Published, string SnapshotPath);

/// <summary>What one flag run did: the run, its judgement against a ground truth if one was given, and the alerts sent.</summary>
public sealed record FlagStageRun(FlagRunReport Report, IReadOnlyList<Alert> Alerts,
    IReadOnlyList<string> Channels, IReadOnlyList<Delivery> Deliveries, string SnapshotPath);

/// <summary>
/// The pipeline's stages, each whole and in the one order they depend on: ingest (the inbox into the warehouse) →
/// build (the catalogues as they are now, the SQL models, the evaluators' snapshot) → flag (lagging branches, their
/// alerts, the snapshot again with the flags) → reports and the website column. Every command, the scheduled service,
/// the demo and the benchmarks run the stages through this type and only print what each returns.
/// </summary>
public sealed class Pipeline(AnalyticsSettings settings, TimeProvider clock)
{
    public AnalyticsSettings Settings => settings;

    /// <summary>The warehouse at the latest schema version (created or upgraded in place).</summary>
    public DuckDBConnection OpenWarehouse() => WarehouseSchema.Open(settings.Warehouse, clock, settings.MemoryLimit);

    public IngestRun Ingest(IProgress<IngestProgress>? progress = null, CancellationToken cancellation = default)
    {
        var catalogue = Catalogue.Load(Catalogue.Locate(settings.CataloguesDir));
        using var connection = OpenWarehouse();
        var outcomes = new InboxIngestor(connection, catalogue, settings.Ingest, clock).Run(progress, cancellation);
        return new IngestRun(outcomes, QuarantineExcerpt.Of(connection, outcomes));
    }

    /// <summary>Builds the models (month-keyed tables incrementally unless <paramref name="full"/>) and publishes the snapshot.</summary>
    public BuildRun Build(bool full = false, Action<BuiltModel>? built = null)
    {
        var models = ModelDiscovery.Discover(settings.Queries);
        using var connection = OpenWarehouse();
        // The models read the catalogues (rules, weights): take the files as they are now, as ingest does.
        Catalogue.Load(Catalogue.Locate(settings.CataloguesDir)).WriteTo(connection);
        PseudonymSecret.Use(connection, PseudonymSecret.LoadOrCreate(settings.PseudonymKey));
        var result = Builder(connection, settings.Queries).Build(models, built, incremental: !full);
        var published = SnapshotPublisher.Publish(connection, settings.Snapshot, models);
        return new BuildRun(result, published, Path.GetFullPath(settings.Snapshot));
    }

    /// <summary>The model builder as every stage after it needs it: the flag stage's mart is declared, so a build keeps it.</summary>
    public static ModelBuilder Builder(DuckDBConnection connection, string queriesDir) =>
        new(connection, MartContracts.Load(queriesDir), Flagger.OutputTables);

    /// <summary>
    /// Flags lagging branches, sends the new alerts over every configured channel (a failed delivery is recorded, not
    /// fatal) and republishes the snapshot with the flags. With <paramref name="truthPath"/>, also judges the model
    /// against that ground truth on the final year's last months.
    /// </summary>
    public FlagStageRun Flag(string? truthPath = null)
    {
        using var connection = OpenWarehouse();
        var truth = truthPath is null ? null : GroundTruth.Load(truthPath);
        var report = new Flagger(connection, settings.Queries, Path.Combine(settings.DataDir, "models"), clock).Run(truth is null ? null : truth.Lags);
        var alerts = new AlertPlanner(connection, clock, settings.Alerts).Plan();
        using var http = new HttpClient();
        var channels = AlertDispatcher.Channels(settings.Alerts, http);
        var deliveries = new AlertDispatcher(connection, channels, settings.Alerts, clock).DeliverAsync(alerts).GetAwaiter().GetResult();
        SnapshotPublisher.Publish(connection, settings.Snapshot, ModelDiscovery.Discover(settings.Queries));
        return new FlagStageRun(report, alerts, channels.Select(Describe).ToList(), deliveries, Path.GetFullPath(settings.Snapshot));
    }

    /// <summary>Build then flag: what the service does whenever data changed.</summary>
    public (BuildRun Build, FlagStageRun Flags) Refresh(Action<BuiltModel>? built = null) => (Build(built: built), Flag());

    /// <summary>A month's assessment PDFs: the school's and each college's (or one college's).</summary>
    public IReadOnlyList<WrittenReport> Reports(Month month, string? college = null, Action<string>? rendering = null)
    {
        using var connection = OpenWarehouse();
        return ReportWriter(connection).Write(month, college, rendering);
    }

    /// <summary>A year's brand assessment PDFs (a year under way: to date).</summary>
    public IReadOnlyList<WrittenReport> YearReports(int year, string? college = null, Action<string>? rendering = null)
    {
        using var connection = OpenWarehouse();
        return ReportWriter(connection).WriteYear(year, college, rendering);
    }

    /// <summary>The school website's column for a month.</summary>
    public SiteResult Site(Month month, string outDir)
    {
        using var connection = OpenWarehouse();
        return new SiteWriter(connection, settings.Queries, settings.Site.ShowBranchGrades).Write(month, outDir);
    }

    private ReportWriter ReportWriter(DuckDBConnection connection) =>
        new(connection, settings.Queries, settings.ReportsDir, FontLocator.Find(settings.FontPath));

    /// <summary>Where alerts go, without secrets: no password, no URL query (robot keys live there).</summary>
    private string Describe(IAlertChannel channel) => channel switch
    {
        FileChannel => $"file {Path.GetFullPath(settings.Alerts.FilePath!)}",
        WebhookChannel => $"{channel.Name} {new Uri(settings.Alerts.Webhook.Url!).GetLeftPart(UriPartial.Path)}",
        EmailChannel => $"email via {settings.Alerts.Email.Host}:{settings.Alerts.Email.Port} to {settings.Alerts.Email.To.Length} recipient(s)",
        _ => channel.Name,
    };
}
