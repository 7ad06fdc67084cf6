using System.Globalization;
using System.Text;
using System.Text.Json;
using Analytics.Model;
using Analytics.Service.Cli;
using Analytics.Warehouse;

namespace Analytics.Service.Commands;

/// <summary><c>analytics sql "QUERY"</c>: a read-only query against the published snapshot, printed as a table, CSV or JSON.</summary>
public static class SqlCommand
{
    public static int Run(AnalyticsSettings settings, TextWriter output, string sql, string format)
    {
        var result = ReadOnlyQuery.Run(settings.Snapshot, sql);
        switch (format)
        {
            case "csv":
                output.WriteLine(string.Join(",", result.Columns.Select(CsvField.Escape)));
                foreach (var row in result.Rows) output.WriteLine(string.Join(",", row.Select(v => CsvField.Escape(Text(v)))));
                break;
            case "json":
                output.WriteLine(JsonSerializer.Serialize(
                    result.Rows.Select(r => result.Columns.Select((c, i) => (c, v: r[i])).ToDictionary(p => p.c, p => Json(p.v))),
                    new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                break;
            case "table":
                var table = new TextTable([.. result.Columns]);
                foreach (var row in result.Rows) table.Add([.. row.Select(Text)]);
                output.Write(table);
                output.WriteLine($"({result.Rows.Count} row{(result.Rows.Count == 1 ? "" : "s")})");
                break;
            default:
                throw new ArgumentException($"--format '{format}' is not one of table, csv, json.");
        }
        if (result.Truncated)
            Console.Error.WriteLine($"note: only the first {result.Rows.Count} rows are shown; add a limit or an aggregate to the query.");
        return 0;
    }

    /// <summary>A value for JSON: numbers and booleans stay what they are, dates become yyyy-MM-dd, lists arrays.</summary>
    private static object? Json(object? value) => value switch
    {
        System.Numerics.BigInteger big => (decimal)big,
        DateTime or DateOnly => Text(value),
        string => value,
        System.Collections.IDictionary d => d.Keys.Cast<object>().ToDictionary(k => k.ToString()!, k => Json(d[k])),
        System.Collections.IEnumerable e => e.Cast<object?>().Select(Json).ToList(),
        _ => value,
    };

    internal static string? Text(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false", // as DuckDB's own CLI prints them
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string s => s,
        // Structs and lists as DuckDB prints them: {'k': v} and [a, b].
        System.Collections.IDictionary d => "{" + string.Join(", ", d.Keys.Cast<object>().Select(k => $"'{k}': {Text(d[k])}")) + "}",
        System.Collections.IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Text)) + "]",
        _ => value.ToString(),
    };
}
