using System.Data;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace Analytics.Model;

/// <summary>The result of a read-only query: column names and rows of values; <paramref name="Truncated"/> when rows were left out.</summary>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, bool Truncated = false);

/// <summary>
/// Runs one evaluator's query against the published snapshot, opened read-only, with external access off and the
/// configuration locked: statements that write, attach, install or load extensions, or copy to files are refused.
/// </summary>
public static partial class ReadOnlyQuery
{
    [GeneratedRegex(@"^\s*(?:(?:--[^\n]*\n)|(?:/\*.*?\*/)|\s)*([A-Za-z]+)", RegexOptions.Singleline)]
    private static partial Regex FirstKeyword();

    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
        { "select", "with", "from", "values", "table", "describe", "show", "summarize", "explain" };

    public static QueryResult Run(string snapshotPath, string sql, int maxRows = 100_000)
    {
        var keyword = FirstKeyword().Match(sql) is { Success: true } m ? m.Groups[1].Value : "";
        if (!Allowed.Contains(keyword))
            throw new InvalidOperationException(
                $"Only queries are allowed here ({string.Join(", ", Allowed.Order())}); '{keyword}' statements are refused: the snapshot is read-only.");
        if (!File.Exists(snapshotPath))
            throw new InvalidOperationException($"No snapshot at {Path.GetFullPath(snapshotPath)} yet: run 'analytics model' first.");

        using var connection = new DuckDBConnection($"DataSource={Path.GetFullPath(snapshotPath)};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "set enable_external_access = false; set lock_configuration = true";
            setup.ExecuteNonQuery();
        }
        RefuseSeveralStatements(connection, keyword, sql);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            using var reader = command.ExecuteReader();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var rows = new List<object?[]>();
            var truncated = false;
            while (reader.Read())
            {
                if (rows.Count == maxRows) { truncated = true; break; }
                var values = new object?[reader.FieldCount];
                reader.GetValues(values!);
                rows.Add(values.Select(v => v is DBNull ? null : v).ToArray());
            }
            return new QueryResult(columns, rows, truncated);
        }
        catch (DuckDBException ex)
        {
            throw new InvalidOperationException("The query failed: " + ex.Message.Split('\n')[0], ex);
        }
    }

    /// <summary>
    /// Exactly one statement: "select 1; drop table …" would otherwise run its tail. Queries are checked by DuckDB's own
    /// parser (json_serialize_sql takes only SELECT statements and says how many there are); describe, show, summarize
    /// and explain take no semicolon.
    /// </summary>
    private static void RefuseSeveralStatements(DuckDBConnection connection, string keyword, string sql)
    {
        if (keyword.ToLowerInvariant() is "describe" or "show" or "summarize" or "explain")
        {
            if (sql.TrimEnd().TrimEnd(';').Contains(';'))
                throw new InvalidOperationException("One statement at a time: the text holds several; further statements are refused.");
            return;
        }
        using var parse = connection.CreateCommand();
        parse.CommandText = "select json_serialize_sql($1::varchar)";
        parse.Parameters.Add(new DuckDBParameter(sql));
        using var json = System.Text.Json.JsonDocument.Parse((string)parse.ExecuteScalar()!);
        var root = json.RootElement;
        if (root.TryGetProperty("error", out var error) && error.GetBoolean())
        {
            var message = root.TryGetProperty("error_message", out var m) ? m.GetString() : "it is not a query";
            throw new InvalidOperationException(message is not null && message.Contains("Only SELECT", StringComparison.OrdinalIgnoreCase)
                ? "Only queries are allowed here; a statement in the text is not one and is refused: the snapshot is read-only."
                : "The query failed: " + message);
        }
        if (root.GetProperty("statements").GetArrayLength() != 1)
            throw new InvalidOperationException("One statement at a time: the text holds several; further statements are refused.");
    }
}
