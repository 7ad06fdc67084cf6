using Analytics.Model;
using Analytics.Service.Stages;

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
        output.WriteLine($"Building the models of {Path.GetFullPath(settings.Queries)} in {settings.Warehouse}");
        Print(new Pipeline(settings, clock).Build(full, Built(output)), output);
        return 0;
    }

    /// <summary>One line per model as it is built.</summary>
    public static Action<BuiltModel> Built(TextWriter output) =>
        m => output.WriteLine(m.Kept ? $"  kept {m.FullName} ({(m.IsTable ? "table, no new rows in the ledgers it reads" : "view, unchanged")})" : $"  built {m.FullName} ({(m.IsTable ? $"table, {m.Rows} rows" : "view")}, {m.Seconds:0.00} s)");

    public static void Print(BuildRun run, TextWriter output)
    {
        var result = run.Result;
        foreach (var dropped in result.Dropped) output.WriteLine($"  dropped {dropped} (its model is gone)");
        output.WriteLine($"Built {result.Models.Count} model(s) in {result.Seconds:0.00} s" + (result.Plan is { } plan
            ? $", incremental: {plan.Reason}; month-keyed tables rebuilt from {(plan.FromMonth == IncrementalPlan.NothingNew ? "no month" : plan.FromMonth + " at the earliest")}."
            : ", full build."));
        var published = run.Published;
        output.WriteLine($"Published the evaluators' snapshot ({published.Tables.Count} mart table(s), {published.How}, {published.Seconds:0.00} s) to {run.SnapshotPath}");
    }
}
