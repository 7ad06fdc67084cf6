using Analytics.Ingest.Catalogues;
using Analytics.Ingest.Loading;
using Analytics.Service.Stages;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Tests.Support;

/// <summary>A real DuckDB warehouse file and inbox in a fresh temp folder, removed after the test.</summary>
public sealed class TempWarehouse : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "kfr-test-" + Guid.NewGuid().ToString("N")[..12]);
    public IngestOptions Options { get; }
    public DuckDBConnection Connection { get; private set; }
    public TimeProvider Clock { get; }
    public string WarehousePath => Path.Combine(Root, "warehouse.duckdb");
    public static Catalogue Catalogue { get; } = Catalogue.Load(Catalogue.Locate());

    /// <summary>The pseudonym secret of every test warehouse (an installation makes its own at the first build).</summary>
    public const string PseudonymSecret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /// <param name="now">The fixed clock; default 2026-11-24 10:00 Asia/Shanghai (02:00 UTC).</param>
    public TempWarehouse(DateTimeOffset? now = null)
    {
        Directory.CreateDirectory(Root);
        Options = IngestOptions.Under(Root);
        Directory.CreateDirectory(Options.InboxDir);
        Clock = new FixedClock(now ?? new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
        Connection = WarehouseSchema.Open(WarehousePath, Clock);
        Analytics.Model.PseudonymSecret.Use(Connection, PseudonymSecret);
    }

    /// <summary>A warehouse that already holds the small org units and members (and activities) of <see cref="Ledgers"/>.</summary>
    public static TempWarehouse WithLedgers(bool activities)
    {
        var w = new TempWarehouse();
        w.WriteInbox("o.csv", Ledgers.OrgUnits);
        w.WriteInbox("m.csv", Ledgers.Members);
        if (activities) w.WriteInbox("a.csv", Ledgers.Activities);
        w.Ingest();
        return w;
    }

    public string Inbox(string name) => Path.Combine(Options.InboxDir, name);

    public void WriteInbox(string name, string text, System.Text.Encoding? encoding = null) =>
        File.WriteAllText(Inbox(name), text, encoding ?? new System.Text.UTF8Encoding(false));

    /// <param name="at">When the files arrive, if not at the warehouse's own fixed time.</param>
    public IReadOnlyList<FileOutcome> Ingest(DateTimeOffset? at = null) =>
        new InboxIngestor(Connection, Catalogue, Options, at is { } time ? new FixedClock(time) : Clock).Run();

    public T? Scalar<T>(string sql, params object?[] args) => Connection.Scalar<T>(sql, args);

    public List<string> Strings(string sql, params object?[] args) => Connection.Query(sql, r => r.GetStringOrNull(0) ?? "<null>", args);

    /// <summary>Closes and reopens the warehouse file, as a new process would.</summary>
    public void Reopen()
    {
        Connection.Dispose();
        Connection = WarehouseSchema.Open(WarehousePath, Clock);
        Analytics.Model.PseudonymSecret.Use(Connection, PseudonymSecret);
    }

    public void Dispose()
    {
        Connection.Dispose();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A clock that always says the same instant.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
