using Analytics.Ingest.Loading;
using Microsoft.Extensions.Configuration;

namespace Analytics.Service;

/// <summary>
/// The program's settings: appsettings.json beside the program, then ./appsettings.json, then environment
/// variables (ANALYTICS__DATADIR, ANALYTICS__WAREHOUSEPATH, …), then the command line's --data-dir.
/// </summary>
public sealed class AnalyticsSettings
{
    /// <summary>The data folder: inbox/, archive/, rejected/, tmp/ and, unless set apart, the warehouse.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>The warehouse file; default &lt;DataDir&gt;/warehouse.duckdb.</summary>
    public string? WarehousePath { get; set; }

    /// <summary>DuckDB's memory limit for this program (default 4GB); larger work spills to disk.</summary>
    public string MemoryLimit { get; set; } = Analytics.Warehouse.WarehouseDatabase.DefaultMemoryLimit;

    /// <summary>Folder of the editable catalogues; default ./catalogues or the one shipped beside the program.</summary>
    public string? CataloguesDir { get; set; }

    /// <summary>Further header spellings: ledger kind → canonical column → aliases.</summary>
    public Dictionary<string, Dictionary<string, string[]>> HeaderAliases { get; set; } = new();

    /// <summary>The evaluators' read-only snapshot; default &lt;DataDir&gt;/snapshot.duckdb.</summary>
    public string? SnapshotPath { get; set; }

    /// <summary>The SQL models; default ./queries, else the copy shipped beside the program.</summary>
    public string? QueriesDir { get; set; }

    /// <summary>When the scheduled service's jobs fire, and how old a ledger may get.</summary>
    public Analytics.Service.Scheduling.ScheduleOptions Schedule { get; set; } = new();

    /// <summary>Alert channels: by default only the file sink &lt;DataDir&gt;/alerts/alerts.jsonl.</summary>
    public Analytics.Flags.Alerts.AlertOptions Alerts { get; set; } = new();

    /// <summary>The website column: branch grades and ranks are shown only when ShowBranchGrades is set.</summary>
    public SiteOptions Site { get; set; } = new();

    /// <summary>The report font; default fonts/wqy-microhei-gb2312.ttf here or beside the program.</summary>
    public string? FontPath { get; set; }

    /// <summary>Where the PDFs go: &lt;ReportsDir&gt;/YYYY-MM/; default &lt;DataDir&gt;/reports.</summary>
    public string? ReportsPath { get; set; }

    public string ReportsDir => ReportsPath ?? Path.Combine(DataDir, "reports");

    public string Warehouse => WarehousePath ?? Path.Combine(DataDir, "warehouse.duckdb");

    public string Snapshot => SnapshotPath ?? Path.Combine(DataDir, "snapshot.duckdb");

    /// <summary>The installation's pseudonym secret; default &lt;DataDir&gt;/secrets/pseudonym.key (made at the first build, owner-only).</summary>
    public string? PseudonymKeyPath { get; set; }

    public string PseudonymKey => PseudonymKeyPath ?? Path.Combine(DataDir, "secrets", "pseudonym.key");

    public string Queries =>
        new[] { QueriesDir, "queries", Path.Combine(AppContext.BaseDirectory, "queries") }
            .FirstOrDefault(d => !string.IsNullOrWhiteSpace(d) && Directory.Exists(Path.Combine(d, "staging")))
        ?? throw new InvalidOperationException("No queries folder found (looked for staging/ in the configured folder, ./queries and beside the program).");

    /// <summary>How long an inbox file must stand unchanged before it is read: zero for commands, the settle time in the service.</summary>
    public TimeSpan IngestSettleTime { get; set; }

    public IngestOptions Ingest => IngestOptions.Under(DataDir) with { HeaderAliases = HeaderAliases, SettleTime = IngestSettleTime };

    public static AnalyticsSettings Load(string? dataDirOverride)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var settings = new AnalyticsSettings();
        configuration.GetSection("Analytics").Bind(settings);
        if (!string.IsNullOrWhiteSpace(dataDirOverride)) settings.DataDir = dataDirOverride;
        settings.Alerts.FilePath ??= Path.Combine(settings.DataDir, "alerts", "alerts.jsonl");
        return settings;
    }
}
