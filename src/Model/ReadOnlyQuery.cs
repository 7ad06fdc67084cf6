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
}
