using Analytics.Ingest.Catalogues;
using Analytics.Ingest.Warehouse;
using Analytics.Model;
using Analytics.Service.Cli;

namespace Analytics.Service.Commands;

/// <summary>
/// <c>analytics model [--full]</c>: builds every SQL model under queries/ in one transaction, then publishes the
/// snapshot. Month-keyed tables are rebuilt only from the earliest month new ledger rows touch, unless --full or
/// the models, catalogues or organisation changed.
/// </summary>
public static class ModelCommand
{
    public static int Run(AnalyticsSettings settings, TimeProvider clock, TextWriter output, bool full = false)
    {
        var models = ModelDiscovery.Discover(settings.Queries);
        output.WriteLine($"Building {models.Count} model(s) from {Path.GetFullPath(settings.Queries)} in {settings.Warehouse}");
        using var connection = WarehouseDatabase.Open(settings.Warehouse, clock, settings.MemoryLimit);
        // The models read the catalogues (rules, weights): take the files as they are now, as ingest does.
        Catalogue.Load(Catalogue.Locate(settings.CataloguesDir)).WriteTo(connection);
        var result = new ModelBuilder(connection, MartContracts.Load(settings.Queries)).Build(models, m => output.WriteLine($"  built {m.FullName} ({(m.IsTable ? $"table, {m.Rows} rows" : "view")}, {m.Seconds:0.00} s)"), incremental: !full);
        foreach (var dropped in result.Dropped) output.WriteLine($"  dropped {dropped} (its model is gone)");
        var published = SnapshotPublisher.Publish(connection, settings.Snapshot);
        output.WriteLine($"Built {result.Models.Count} model(s) in {result.Seconds:0.00} s" + (result.Plan is { } plan
            ? $", incremental: {plan.Reason}; month-keyed tables rebuilt from {(plan.FromMonth == IncrementalPlan.NothingNew ? "no month" : plan.FromMonth)}."
            : ", full build."));
        output.WriteLine($"Published the evaluators' snapshot ({published.Count} mart table(s)) to {Path.GetFullPath(settings.Snapshot)}");
        return 0;
    }
}
