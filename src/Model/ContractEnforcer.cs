using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Model;

/// <summary>
/// Checks every mart against its contract after a build, inside the build's transaction, so a broken contract
/// rolls the build back and names the offending rows. Then comments every mart column and writes the metric
/// catalogue (<c>marts.metric_catalogue</c>) that evaluators read.
/// </summary>
public sealed partial class ContractEnforcer(DuckDBConnection connection, MartContracts contracts)
{
    public const string MetricCatalogue = "metric_catalogue";
    private const int Shown = 5;

    /// <param name="incrementalFrom">Marts rebuilt only from a month on (an incremental build), with that month: their
    /// earlier rows are as the last build checked them, so ranges, references and a key that includes the month are
    /// checked on the new months alone (the whole of member_month took 5 of an incremental build's 21 s), a key without
    /// it on the rows that share a key with a new row, and a check on the recomputed months when it reads them.</param>
    public void Enforce(IReadOnlyList<ModelDefinition> models, IReadOnlyDictionary<string, string>? incrementalFrom = null)
    {
        var marts = models.Where(m => m.Schema == ModelLayers.Marts).ToList();
        views = models.Where(m => !m.IsTable).Select(m => m.FullName).ToHashSet(StringComparer.Ordinal);
        referencedKeys.Clear();
        CheckLabels();
        EnforceEach(marts, incrementalFrom);
        // (a failure rolls the build's transaction back, and the temporary tables made in it with it)
        foreach (var keys in referencedKeys.Values) connection.Execute($"drop table {keys}");
    }

    /// <summary>The models stored as views: a reference to one reads its keys once (<see cref="KeysOf"/>).</summary>
    private HashSet<string> views = [];

    /// <summary>The temporary table of each referenced view column's keys, made on the first reference to it.</summary>
    private readonly Dictionary<string, string> referencedKeys = new(StringComparer.Ordinal);

    private void EnforceEach(List<ModelDefinition> marts, IReadOnlyDictionary<string, string>? incrementalFrom)
    {
        // Every mart's columns in one query (one per mart cost a few milliseconds each, as did each statement below),
        // with the comments they carry: a comment already as the contract words it is not written again.
        var columnsOf = connection.Query(
                "select table_name, column_name, data_type, comment from duckdb_columns() where database_name = current_database() and schema_name = 'marts' order by table_name, column_index",
                r => (Table: r.GetString(0), Column: r.GetString(1), Type: r.GetString(2), Comment: r.GetStringOrNull(3)))
            .ToLookup(c => c.Table);
        var commentOf = connection.Query("""
                select table_name, comment from duckdb_tables() where database_name = current_database() and schema_name = 'marts'
                union all
                select view_name, comment from duckdb_views() where database_name = current_database() and schema_name = 'marts'
                """, r => (Table: r.GetString(0), Comment: r.GetStringOrNull(1)))
            .ToDictionary(t => t.Table, t => t.Comment);
        var catalogue = new List<(string Metric, string Label, string Grain, string Column, string Model, string? Unit, string Definition)>();
        foreach (var mart in marts)
        {
            if (!contracts.Models.TryGetValue(mart.Name, out var contract))
                throw Broken(mart, $"it has no contract: add it under \"models\" in queries/marts/{MartContracts.FileName}");
            var columns = columnsOf[mart.Name].Select(c => c.Column).ToList();
            var undocumented = columns.Where(c => !contracts.Columns.ContainsKey(c)).ToList();
            if (undocumented.Count > 0)
                throw Broken(mart, $"columns without a description in {MartContracts.FileName}: {string.Join(", ", undocumented)}");

            var hugeints = columnsOf[mart.Name].Where(c => c.Type == "HUGEINT").Select(c => c.Column).ToList();
            if (hugeints.Count > 0)
                throw Broken(mart, $"columns of type HUGEINT (cast sums to bigint: Parquet and most clients have no 128-bit integer): {string.Join(", ", hugeints)}");

            // The rows this build wrote: an incremental build's earlier months are as the last build checked them.
            var rows = incrementalFrom?.GetValueOrDefault(mart.FullName) is { } from && mart.IncrementalKey is { } month
                ? $"(select * from {mart.FullName} where {SqlExtensions.Identifier(month)} >= {SqlExtensions.Literal(from)})"
                : mart.FullName;
            var screen = new MartScreen(mart, rows, contract.PrimaryKey);
            ScreenPrimaryKey(screen);
            foreach (var (column, target) in contract.References ?? new Dictionary<string, string>())
                ScreenReference(screen, column, target, incrementalFrom);
            ScreenRanges(screen, columns.Where(c => contracts.Columns[c].Range is not null).ToList());
            Run(screen);
            foreach (var check in contract.Checks ?? [])
            {
                // A check reads the month the build recomputed from (getvariable('incremental_from_month')) only when
                // every mart it names was recomputed from that month: the earlier months of each are as checked before.
                var checkedFrom = CommonMonth(mart, check.Sql, incrementalFrom);
                connection.Execute(checkedFrom is null
                    ? $"reset variable {ModelDefinition.IncrementalFromVariable}"
                    : $"set variable {ModelDefinition.IncrementalFromVariable} = {SqlExtensions.Literal(checkedFrom)}");
                try { Offending(mart, check.Name, check.Sql); }
                finally { connection.Execute($"reset variable {ModelDefinition.IncrementalFromVariable}"); }
            }

            // (an incremental build keeps its tables and views, and with them the comments of the last build)
            if (commentOf.GetValueOrDefault(mart.Name) != contract.Grain)
                connection.Execute($"comment on {(mart.IsTable ? "table" : "view")} {mart.FullName} is {SqlExtensions.Literal(contract.Grain)}");
            foreach (var (column, comment) in columnsOf[mart.Name].Select(c => (c.Column, c.Comment)))
            {
                var c = contracts.Columns[column];
                var text = c.Unit is null ? c.Description : $"{c.Description} [{c.Unit}]";
                if (comment != text)
                    connection.Execute($"comment on column {mart.FullName}.{SqlExtensions.Identifier(column)} is {SqlExtensions.Literal(text)}");
                if (c.Metric is not null) catalogue.Add((c.Metric, c.Label!, contract.Grain, column, mart.FullName, c.Unit, c.Description));
            }
        }
        WriteCatalogue(catalogue);
    }

    /// <summary>The month (yyyy-MM) from which this build recomputed the mart and every mart the check's SQL names,
    /// when it is one month for all; null when any of them was built whole or by year.</summary>
    private static string? CommonMonth(ModelDefinition mart, string sql, IReadOnlyDictionary<string, string>? incrementalFrom)
    {
        if (incrementalFrom is null) return null;
        var names = MartNames().Matches(sql).Select(m => $"{ModelLayers.Marts}.{m.Groups[1].Value}").Append(mart.FullName).Distinct();
        var months = names.Select(n => incrementalFrom.GetValueOrDefault(n)).Distinct().ToList();
        return months is [{ } month] && Month().IsMatch(month) ? month : null;
    }

    [GeneratedRegex(@"\bmarts\.""?(\w+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex MartNames();

    /// <summary>A month key ('yyyy-MM'), not a year or a file id.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex Month();

    /// <summary>
    /// A mart's key, reference and range checks screened in one statement over the rows this build wrote (an
    /// incremental build's month, computed once for all of them: a view's month was computed again for each check,
    /// and each statement cost a few milliseconds more): each part counts what may break its rule. Only a part that
    /// finds something runs its own query, which names the offending rows.
    /// </summary>
    /// <param name="rows">The mart, or the part of it this build wrote (a query in parentheses).</param>
    /// <param name="key">The mart's primary key: what names an offending row.</param>
    private sealed class MartScreen(ModelDefinition mart, string rows, IReadOnlyList<string> key)
    {
        public ModelDefinition Mart { get; } = mart;
        public string Rows { get; } = rows;
        public IReadOnlyList<string> Key { get; } = key;

        /// <summary>The key columns, quoted and comma-separated.</summary>
        public string KeyColumns => string.Join(", ", Key.Select(SqlExtensions.Identifier));

        /// <summary>What the screen's parts read for <see cref="Rows"/>: the written rows materialised once.</summary>
        public string Written => Rows == Mart.FullName ? Rows : "written";

        /// <summary>Each part: a query of one row, whose columns are each zero (or false) when its rule holds, with what
        /// names the offending rows of each column.</summary>
        public List<(string Sql, List<Action> NameOffenders)> Parts { get; } = [];
    }

    private void Run(MartScreen screen)
    {
        if (screen.Parts.Count == 0) return;
        var offenders = screen.Parts.SelectMany(p => p.NameOffenders).ToList();
        var sql = (screen.Written == screen.Rows ? "" : $"with written as materialized {screen.Rows}\n")
                  + "select * from " + string.Join(",\n", screen.Parts.Select(p => $"({p.Sql})"));
        List<bool> suspect;
        try
        {
            suspect = connection.Query(sql, r => Enumerable.Range(0, r.FieldCount).Select(i => !r.IsDBNull(i) && Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture) != 0).ToList()).Single();
        }
        catch (DuckDBException)
        {
            // Each check alone says which of them does not run, and why.
            foreach (var nameOffenders in offenders) nameOffenders();
            return;
        }
        foreach (var (isSuspect, nameOffenders) in suspect.Zip(offenders))
            if (isSuspect) nameOffenders();
    }

    private void ScreenPrimaryKey(MartScreen screen)
    {
        var key = screen.Key;
        var cols = screen.KeyColumns;
        // The rows among which a written row's key must not repeat: a key without the month may repeat one of an
        // earlier month, so the rows sharing a key with a written row.
        var keyHasMonth = screen.Mart.IncrementalKey is { } month && key.Contains(month);
        string Within(string written) => screen.Written == screen.Rows || keyHasMonth ? written
            : $"(select * from {screen.Mart.FullName} semi join {written} as written using ({cols}))";
        var anyNull = string.Join(" or ", key.Select(k => $"{SqlExtensions.Identifier(k)} is null"));
        // No key hash repeats and no key column is null means no key repeats. One 64-bit hash per row, sorted and each
        // compared with the one before (as ingest finds repeated keys): 6.1M member-months in 0.4 s, against 1.8 s
        // grouping the hashes and 2.6 s grouping the key's strings. A repeated hash (a repeated key, or rarely two keys
        // with one hash) sends the check on to the exact query that names the rows.
        screen.Parts.Add(($"""
            select exists (select 1 from {screen.Written} where {anyNull})
                or exists (
                    select 1 from (select key_hash, lag(key_hash) over (order by key_hash) as previous
                                   from (select hash({cols}) as key_hash from {Within(screen.Written)}))
                    where key_hash = previous)
            """, [() => Offending(screen.Mart, $"primary key ({string.Join(", ", key)}) is unique and not null", $"""
            select {cols}, count(*) as n_rows from {Within(screen.Rows)} group by all having count(*) > 1
            union all
            select {cols}, count(*) from {screen.Rows} where {anyNull} group by all
            """)]));
    }

    private void ScreenReference(MartScreen screen, string column, string target, IReadOnlyDictionary<string, string>? incrementalFrom)
    {
        var mart = screen.Mart;
        var parts = target.Split('.');
        if (parts.Length != 3) throw Broken(mart, $"reference of {column} must name schema.table.column, not '{target}'");
        // The rows kept from earlier builds were checked then, and still hold when the target was itself only
        // recomputed from the same month on (it keeps every key it had); otherwise every row is checked.
        var onlyWritten = incrementalFrom?.ContainsKey($"{parts[0]}.{parts[1]}") == true;
        var col = SqlExtensions.Identifier(column);
        var keys = KeysOf(parts[0], parts[1], parts[2]);
        string Missing(string rows) => $"""
            select {screen.KeyColumns}, {col} from {rows} as m
            where {col} is not null and not exists (select 1 from {keys} as t where t.{SqlExtensions.Identifier(parts[2])} = m.{col})
            """;
        screen.Parts.Add(($"select count(*) from ({Missing(onlyWritten ? screen.Written : mart.FullName)})",
            [() => Offending(mart, $"{column} refers to {target}", Missing(onlyWritten ? screen.Rows : mart.FullName))]));
    }

    /// <summary>What a reference reads its keys from: a table itself; a view's keys computed once for every reference
    /// to them (a view's rows are computed whenever it is read, and two marts refer to college_month).</summary>
    private string KeysOf(string schema, string table, string column)
    {
        var name = $"{schema}.{table}";
        if (!views.Contains(name)) return name;
        if (referencedKeys.TryGetValue($"{name}.{column}", out var keys)) return keys;
        keys = $"kf_reference_keys_{referencedKeys.Count + 1}";
        var col = SqlExtensions.Identifier(column);
        connection.Execute($"create or replace temp table {keys} as select distinct {col} from {name} where {col} is not null");
        referencedKeys[$"{name}.{column}"] = keys;
        return keys;
    }

    /// <summary>Every column's range over one scan of the rows (a statement per column cost an incremental build
    /// a quarter of a second); a column out of range is then checked alone, to name its rows.</summary>
    private void ScreenRanges(MartScreen screen, IReadOnlyList<string> columns)
    {
        var checks = columns.Select(c => (Column: c, Condition: OutOfRange(c, contracts.Columns[c].Range!))).Where(c => c.Condition is not null).ToList();
        if (checks.Count == 0) return;
        screen.Parts.Add(($"select {string.Join(", ", checks.Select(c => $"count(*) filter (where {c.Condition})"))} from {screen.Written}",
            checks.Select(check => (Action)(() =>
            {
                var range = contracts.Columns[check.Column].Range!;
                Offending(screen.Mart, $"{check.Column} within [{range.ElementAtOrDefault(0)?.ToString(CultureInfo.InvariantCulture) ?? "-∞"}, {range.ElementAtOrDefault(1)?.ToString(CultureInfo.InvariantCulture) ?? "∞"}]",
                    $"select {screen.KeyColumns}, {SqlExtensions.Identifier(check.Column)} from {screen.Rows} where {check.Condition}");
            })).ToList()));
    }

    /// <summary>The condition a value outside the range meets, or null for a range with no bounds.</summary>
    private static string? OutOfRange(string column, double?[] range)
    {
        var col = SqlExtensions.Identifier(column);
        var conditions = new List<string>();
        if (range.ElementAtOrDefault(0) is { } min) conditions.Add($"{col} < {min.ToString(CultureInfo.InvariantCulture)} - 1e-9");
        if (range.ElementAtOrDefault(1) is { } max) conditions.Add($"{col} > {max.ToString(CultureInfo.InvariantCulture)} + 1e-9");
        return conditions.Count == 0 ? null : string.Join(" or ", conditions);
    }

    /// <summary>Runs a query that lists the rows breaking a rule; any row fails the build, naming the first few.</summary>
    private void Offending(ModelDefinition mart, string rule, string sql)
    {
        List<string> rows;
        long total;
        try
        {
            total = connection.Scalar<long>($"select count(*) from ({sql})");
            rows = total == 0 ? [] : connection.Query($"select * from ({sql}) limit {Shown}", r =>
                string.Join(", ", Enumerable.Range(0, r.FieldCount).Select(i => $"{r.GetName(i)}={r.GetStringOrNull(i) ?? "null"}")));
        }
        catch (DuckDBException ex)
        {
            throw Broken(mart, $"the check '{rule}' does not run: {ex.Message.Split('\n')[0]}");
        }
        if (total > 0)
            throw Broken(mart, $"'{rule}' fails for {total} row(s), e.g. {string.Join("; ", rows.Select(r => "(" + r + ")"))}");
    }

    /// <summary>
    /// One name per meaning: every metric has a Chinese label, and no two metrics share one (a reader who sees
    /// 承诺完成率 in two places reads the same figure).
    /// </summary>
    private void CheckLabels()
    {
        var unlabelled = contracts.Columns.Where(c => c.Value.Metric is not null && string.IsNullOrWhiteSpace(c.Value.Label)).Select(c => c.Key).ToList();
        if (unlabelled.Count > 0)
            throw new InvalidOperationException($"{MartContracts.FileName}: metric columns without a Chinese label: {string.Join(", ", unlabelled)}");
        var shared = contracts.Columns.Where(c => c.Value.Metric is not null).GroupBy(c => c.Value.Label!.Trim())
            .Where(g => g.Select(c => c.Value.Metric).Distinct().Count() > 1).Select(g => $"{g.Key} ({string.Join(", ", g.Select(c => c.Key))})").ToList();
        if (shared.Count > 0)
            throw new InvalidOperationException($"{MartContracts.FileName}: one label names different metrics: {string.Join("; ", shared)}");
    }

    private void WriteCatalogue(List<(string Metric, string Label, string Grain, string Column, string Model, string? Unit, string Definition)> rows)
    {
        rows = rows.OrderBy(r => r.Model, StringComparer.Ordinal).ThenBy(r => r.Column, StringComparer.Ordinal).ToList();
        // Most builds change nothing in it: an unchanged catalogue is left as it is, not written again.
        var exists = connection.Scalar<bool>(
            $"select exists (select 1 from duckdb_tables() where database_name = current_database() and schema_name = 'marts' and table_name = '{MetricCatalogue}')");
        if (exists && connection.Query(
                $"select metric, label_zh, grain, column_name, model, unit, definition from marts.{MetricCatalogue} order by model, column_name",
                r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6)))
            .SequenceEqual(rows))
            return;
        connection.Execute($"""
            create or replace table marts.{MetricCatalogue} (
                metric varchar not null, label_zh varchar not null, grain varchar not null, column_name varchar not null,
                model varchar not null, unit varchar, definition varchar not null)
            """);
        // One statement for every row (one each cost about a millisecond: a hundred of them per build).
        static string Text(string? value) => value is null ? "null" : SqlExtensions.Literal(value);
        var values = rows.Select(r => $"({Text(r.Metric)}, {Text(r.Label)}, {Text(r.Grain)}, {Text(r.Column)}, {Text(r.Model)}, {Text(r.Unit)}, {Text(r.Definition)})")
            .ToList();
        if (values.Count > 0) connection.Execute($"insert into marts.{MetricCatalogue} values\n{string.Join(",\n", values)}");
        connection.Execute($"comment on table marts.{MetricCatalogue} is 'one row per metric per mart: its name, the Chinese label readers see, what it means, its unit and the column that holds it'");
    }

    private static InvalidOperationException Broken(ModelDefinition mart, string what) =>
        new($"Contract of {mart.FullName} broken: {what}. The previous build stays in place.");
}
