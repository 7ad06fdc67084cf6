using System.Data;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Reports.Writing;

/// <summary>The rows of one report query, by column name.</summary>
public sealed class ReportRows(List<Dictionary<string, object?>> rows)
{
    public IReadOnlyList<Dictionary<string, object?>> Rows => rows;
    public int Count => rows.Count;
}

/// <summary>
/// Runs the report's queries (queries/reports/*.sql). They read only the marts, so each table and chart in a report can
/// be reproduced from the evaluators' snapshot with the query it cites; :month (or :year) and :unit are filled in.
/// </summary>
public sealed class ReportQuery(DuckDBConnection connection, string queriesDir)
{
    public static string Reference(string name) => $"queries/reports/{name}.sql";

    /// <param name="period">The report's month (YYYY-MM) for :month, or its year (YYYY) for :year.</param>
    /// <param name="asOf">The day :as_of stands for; by default the period's last day.</param>
    public ReportRows Run(string name, string period, string unit, DateOnly? asOf = null)
    {
        var path = Path.Combine(queriesDir, "reports", name + ".sql");
        if (!File.Exists(path)) throw new InvalidOperationException($"The report query {Path.GetFullPath(path)} is missing.");
        var day = asOf ?? (period.Length == 4
            ? new DateOnly(int.Parse(period, System.Globalization.CultureInfo.InvariantCulture), 12, 31)
            : Month.Parse(period).LastDay);
        var sql = File.ReadAllText(path)
            .Replace(":as_of", SqlExtensions.Literal(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            .Replace(":month", SqlExtensions.Literal(period))
            .Replace(":year", SqlExtensions.Literal(period))
            .Replace(":unit", SqlExtensions.Literal(unit));
        return new ReportRows(connection.Query(sql, Map));
    }

    /// <summary>Whether a mart exists: the flags mart only does once <c>analytics flag</c> has run.</summary>
    public bool HasTable(string schema, string table) => connection.Scalar<bool>(
        "select exists (select 1 from duckdb_tables() where database_name = current_database() and schema_name = ? and table_name = ?)", schema, table);

    private static Dictionary<string, object?> Map(IDataRecord record)
    {
        var row = new Dictionary<string, object?>();
        for (var i = 0; i < record.FieldCount; i++) row[record.GetName(i)] = record.IsDBNull(i) ? null : record.GetValue(i);
        return row;
    }
}
