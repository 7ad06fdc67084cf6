using System.Diagnostics;
using System.Globalization;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Model;

/// <summary>What one build did: each model in build order, with rows (tables) and seconds, and whether (from which
/// month) it was incremental.</summary>
public sealed record ModelBuildResult(IReadOnlyList<BuiltModel> Models, IReadOnlyList<string> Dropped, double Seconds)
{
    public IncrementalPlan? Plan { get; init; }
}

public sealed record BuiltModel(string FullName, bool IsTable, long? Rows, double Seconds)
{
    /// <summary>A model an incremental build left as it was: a view (its SQL is the last build's), or a table none of whose
    /// ledgers brought rows since the last build.</summary>
    public bool Kept { get; init; }
}

/// <summary>
/// Builds every model in dependency order: the models that feed the marts each in a transaction of their own, then
/// the marts and their contracts in one: a failure names the model (or the broken rule and rows) and leaves the
/// previous marts in place. Objects in the model schemas that no longer have a model are dropped.
/// </summary>
/// <param name="otherStagesTables">Tables that later stages write into the model schemas (the flags' mart, declared by
/// the flag stage): not models, so a build would otherwise drop them as stale.</param>
public sealed class ModelBuilder(DuckDBConnection connection, MartContracts? contracts = null, IReadOnlyCollection<string>? otherStagesTables = null)
{
    /// <summary>The tables the build itself writes beside the models.</summary>
    private static readonly IReadOnlyList<string> OwnTables = [$"{ModelLayers.Marts}.{ContractEnforcer.MetricCatalogue}"];

    /// <param name="incremental">Recompute month-keyed tables (<see cref="ModelDefinition.IncrementalKey"/>) only from
    /// the earliest month new ledger rows touch, when <see cref="IncrementalPlan"/> allows it; otherwise a full build.</param>
    public ModelBuildResult Build(IReadOnlyList<ModelDefinition> models, Action<BuiltModel>? built = null, bool incremental = false)
    {
        var ordered = ModelGraph.Order(models);
        var total = Stopwatch.StartNew();
        foreach (var layer in ModelLayers.All) connection.Execute($"create schema if not exists {layer}");
        connection.Execute($"reset variable {ModelDefinition.IncrementalFromVariable}"); // a failed build may have left it set
        var plan = IncrementalPlan.Decide(connection, ordered, incremental);
        var from = plan.FromMonth;
        // What each model is in the warehouse now (a table, a view, or absent), asked once rather than per model.
        var existing = connection.Query(
                "select table_schema || '.' || table_name, table_type from information_schema.tables where table_catalog = current_database()",
                r => (Name: r.GetString(0), Type: r.GetString(1)))
            .ToDictionary(t => t.Name, t => t.Type);
        var results = new List<BuiltModel>();
        var builtFrom = new Dictionary<string, string>();
        var sourcesOf = ModelGraph.SourcesOf(ordered);
        BuiltModel BuildModel(ModelDefinition model)
        {
            var now = existing.GetValueOrDefault(model.FullName);
            // The month this model is recomputed from: that of the ledgers it reads (null when they brought nothing).
            var month = plan.FromMonthOf(sourcesOf[model.FullName]);
            // An incremental build's models are those of the last build (the plan compares their SQL): a view is kept as
            // it is (replacing each cost a catalogue change and a commit, a tenth of a second in all), and so is a table
            // none of whose ledgers brought rows (the pledge terms of a month that brought only activities).
            var storedTable = from is not null && model.IsTable && now == "BASE TABLE";
            var kept = storedTable ? month is null : from is not null && !model.IsTable && now == "VIEW";
            var incrementally = storedTable && month is not null && model.IncrementalKey is not null;
            // A kept view's recomputed months are those of the tables it reads: its contract is checked on them (on
            // none, for a model whose ledgers brought nothing).
            if ((incrementally || kept) && model.IncrementalKey is not null)
                builtFrom[model.FullName] = Convert.ToString(model.IncrementalFrom(month ?? IncrementalPlan.NothingNew, plan), CultureInfo.InvariantCulture)!;
            var result = incrementally ? BuildFrom(model, model.IncrementalKey!, month!, plan)
                : kept ? new BuiltModel(model.FullName, model.IsTable, null, 0) { Kept = true }
                : BuildOne(model, now);
            results.Add(result);
            built?.Invoke(result);
            return result;
        }

        // The models that feed the marts (staging, intermediate) are built first, each in a transaction of its own:
        // DuckDB reads a table made earlier in the same transaction about three times slower (a full build of the
        // large tier spent two thirds of its time so), and readers see only the marts. A failure here leaves every
        // mart as it was; the tables built before it are rebuilt (or, incrementally, recomputed from the same month,
        // since the build is not recorded) by the next build.
        var readsMarts = ReadersOfMarts(ordered);
        var feeding = ordered.Where(m => m.Schema != ModelLayers.Marts && !readsMarts.Contains(m.FullName)).ToList();
        var dropped = connection.InTransaction(() => DropStale(ordered, mart: false));
        foreach (var model in feeding) connection.InTransaction(() => BuildModel(model));

        // The marts, their contracts and the build's record in one transaction: readers see the last build or this one.
        connection.InTransaction(() =>
        {
            dropped.AddRange(DropStale(ordered, mart: true));
            foreach (var model in ordered.Except(feeding)) BuildModel(model);
            if (contracts is not null) new ContractEnforcer(connection, contracts).Enforce(ordered, builtFrom);
            connection.Execute("""
                insert into ops.model_builds
                select coalesce(max(build_id), 0) + 1, now(), ?, ?, ?, ? from ops.model_builds
                """, from is null ? "full" : "incremental", from, plan.MaxFileId, plan.DefinitionHash);
        });
        // The build's time includes its commit: the commit writes what the build made (and may checkpoint).
        return new ModelBuildResult(results, dropped, total.Elapsed.TotalSeconds) { Plan = from is null ? null : plan };
    }

    /// <summary>Models that read a mart, directly or through other models: they are built with the marts.</summary>
    private static HashSet<string> ReadersOfMarts(IReadOnlyList<ModelDefinition> ordered)
    {
        var readers = new HashSet<string>();
        foreach (var model in ordered) // in dependency order: what a model reads is decided before it
            if (model.References.Any(r => r.StartsWith(ModelLayers.Marts + ".", StringComparison.Ordinal) || readers.Contains(r)))
                readers.Add(model.FullName);
        return readers;
    }

    /// <summary>Replaces the rows of the months from the given month on (of its year on, for a year key; of the files
    /// loaded since the last build, for a file key); earlier ones are kept as they are.</summary>
    private BuiltModel BuildFrom(ModelDefinition model, string key, string from, IncrementalPlan plan)
    {
        var watch = Stopwatch.StartNew();
        var column = SqlExtensions.Identifier(key);
        var first = model.IncrementalFrom(from, plan);
        try
        {
            // The first key as a literal, not a parameter: a 'yyyy' text compares with an integer year column only so.
            var bound = first is string text ? SqlExtensions.Literal(text) : Convert.ToString(first, CultureInfo.InvariantCulture);
            connection.Execute($"delete from {model.FullName} where {column} >= {bound}");
            connection.Execute($"set variable {ModelDefinition.IncrementalFromVariable} = {SqlExtensions.Literal(from)}");
            connection.Execute($"insert into {model.FullName} select * from (\n{model.Sql}\n) as incremental where {column} >= {bound}");
            connection.Execute($"reset variable {ModelDefinition.IncrementalFromVariable}");
        }
        catch (DuckDBException ex)
        {
            // The variable is reset by the next build's start: a failed statement leaves the transaction unable to run another.
            throw new InvalidOperationException($"Model {model.FullName} ({model.SourcePath}) failed (incremental from {from}): {ex.Message.Split('\n')[0]}", ex);
        }
        var rows = connection.Scalar<long>($"select count(*) from {model.FullName}");
        return new BuiltModel(model.FullName, true, rows, watch.Elapsed.TotalSeconds);
    }

    /// <param name="existing">What the model is in the warehouse before the build: 'BASE TABLE', 'VIEW' or null.</param>
    private BuiltModel BuildOne(ModelDefinition model, string? existing)
    {
        var watch = Stopwatch.StartNew();
        var kind = model.IsTable ? "table" : "view";
        try
        {
            // A model may change from view to table (or back) between builds.
            if (existing is not null && existing == "VIEW" == model.IsTable)
                connection.Execute($"drop {(existing == "VIEW" ? "view" : "table")} {model.FullName}");
            connection.Execute($"create or replace {kind} {model.FullName} as\n{model.Sql}");
            if (model.Grain is { } grain)
                connection.Execute($"comment on {kind} {model.FullName} is {SqlExtensions.Literal(grain)}");
        }
        catch (DuckDBException ex)
        {
            throw new InvalidOperationException($"Model {model.FullName} ({model.SourcePath}) failed: {ex.Message.Split('\n')[0]}", ex);
        }
        var rows = model.IsTable ? connection.Scalar<long>($"select count(*) from {model.FullName}") : (long?)null;
        return new BuiltModel(model.FullName, model.IsTable, rows, watch.Elapsed.TotalSeconds);
    }

    /// <param name="mart">The marts' stale objects, or those of the other model schemas.</param>
    private List<string> DropStale(IReadOnlyList<ModelDefinition> models, bool mart)
    {
        var wanted = models.Select(m => m.FullName).Concat(OwnTables).Concat(otherStagesTables ?? []).ToHashSet();
        var schemas = ModelLayers.All.Where(l => (l == ModelLayers.Marts) == mart);
        var existing = connection.Query(
            $"select table_schema || '.' || table_name, table_type from information_schema.tables where table_catalog = current_database() and table_schema in ({string.Join(", ", schemas.Select(SqlExtensions.Literal))})",
            r => (Name: r.GetString(0), IsView: r.GetString(1) == "VIEW"));
        var stale = existing.Where(e => !wanted.Contains(e.Name)).ToList();
        // Views first: a stale view may read a stale table.
        foreach (var (name, isView) in stale.OrderBy(s => s.IsView ? 0 : 1))
            connection.Execute($"drop {(isView ? "view" : "table")} if exists {name}");
        return stale.Select(s => s.Name).ToList();
    }
}
