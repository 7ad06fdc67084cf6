namespace Analytics.Model;

/// <summary>
/// One SQL model: a single <c>select</c> in <c>queries/&lt;schema&gt;/&lt;name&gt;.sql</c>. The runner stores it as
/// <c>&lt;schema&gt;.&lt;name&gt;</c>, as a view or a table depending on its layer.
/// </summary>
/// <param name="Grain">The model's first comment line ("one row per branch per month").</param>
/// <param name="References">The other models it reads, as "schema.name".</param>
/// <param name="Sources">The tables outside the models (<c>core.*</c>, <c>raw.*</c>, <c>ops.*</c>) it reads itself, as
/// "schema.name"; null when not known.</param>
public sealed record ModelDefinition(string Schema, string Name, string Sql, string SourcePath, string? Grain, IReadOnlyList<string> References,
    IReadOnlyList<string>? Sources = null)
{
    public string FullName => $"{Schema}.{Name}";

    /// <summary>
    /// Staging and intermediate models are views; marts are tables, what evaluators query. An intermediate model
    /// that several others read, and that is costly, says <c>-- materialized: table</c> on a line of its own: it is
    /// then computed once per build instead of once per reader (as dbt's materialized config). A mart that only
    /// selects from tables (a grain's rows of an intermediate table, with names joined on) says
    /// <c>-- materialized: view</c>: reading it costs milliseconds, and a build that stored it would write every
    /// recomputed row twice (an incremental build of the large tier spent a tenth of its time on such copies). Not a
    /// mart that reports read in nearly every query: each read would compute it again.
    /// </summary>
    public bool IsTable => Schema == ModelLayers.Marts ? Directive("materialized") != "view" : Schema == ModelLayers.Intermediate && Directive("materialized") == "table";

    /// <summary>
    /// The month column of a table whose month's rows depend only on the ledgers of that month and earlier ones (its
    /// SQL says <c>-- incremental: month_id</c>): an incremental build recomputes only the months from the earliest
    /// month new data touches. A mart view may say so too: it is not stored, but its contract is then checked on the
    /// months the build recomputed, as a table's is.
    /// </summary>
    public string? IncrementalKey => IsTable || Schema == ModelLayers.Marts ? Directive("incremental") : null;

    /// <summary>
    /// The first key an incremental build recomputes, given the month it recomputes the model from ('yyyy-MM',
    /// <see cref="IncrementalPlan.FromMonthOf"/>): that month for a month column; its year ('yyyy') for a column named
    /// <c>year</c> (<c>-- incremental: year</c>), a table whose year's rows depend only on the ledgers of that year to
    /// date, so that a new month recomputes its year; the first file loaded since the last build for a column named
    /// <c>file_id</c> (<c>-- incremental: file_id</c>), a table whose rows each come from one ledger file and never
    /// change once it is loaded.
    /// </summary>
    public object IncrementalFrom(string month, IncrementalPlan plan) => IncrementalKey == FileKey ? plan.FilesAfter + 1 : KeyFromMonth(month)!;

    /// <summary>The first key of the rows from <paramref name="month"/> on, for a month or year key ('yyyy-MM' or
    /// 'yyyy'); null for a file key (the months of a file's rows are not known from its id) and for no key.</summary>
    public string? KeyFromMonth(string month) => !KeyedByMonthOrYear ? null : IncrementalKey == YearKey ? month[..4] : month;

    /// <summary>Whether the incremental key is a month or a year (not a file, not none): its rows fall in known months.</summary>
    public bool KeyedByMonthOrYear => IncrementalKey is not null and not FileKey;

    private const string YearKey = "year";
    private const string FileKey = "file_id";

    /// <summary>
    /// The session variable an incremental build sets to the first month it recomputes ('yyyy-MM'; null in a full
    /// build). The filter the build puts around a model's result does not reach through its aggregates and outer
    /// joins, so a month-keyed table may also narrow its own inputs with
    /// <c>month_id &gt;= coalesce(getvariable('incremental_from_month'), '')</c> (dbt's <c>is_incremental()</c>).
    /// Only such tables may: a view would read whatever the variable held when it is queried.
    /// </summary>
    public const string IncrementalFromVariable = "incremental_from_month";

    public bool ReadsIncrementalFrom => Sql.Contains($"getvariable('{IncrementalFromVariable}')", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first word after <c>-- name: </c> on a line of its own (a comment may follow it), or null.</summary>
    private string? Directive(string name)
    {
        var prefix = $"-- {name}: ";
        var line = Sql.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line?[prefix.Length..].Split(' ')[0];
    }
}

/// <summary>The model layers, in the order data flows through them. Each is a folder of queries/ and a schema.</summary>
/// <remarks>
/// Not "core": ingest owns the <c>core</c> schema (the ledgers' current state), which staging reads as its sources.
/// </remarks>
public static class ModelLayers
{
    public const string Staging = "staging";
    public const string Intermediate = "intermediate";
    public const string Marts = "marts";

    public static IReadOnlyList<string> All { get; } = [Staging, Intermediate, Marts];
}
