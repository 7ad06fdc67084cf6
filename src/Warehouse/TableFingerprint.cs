using DuckDB.NET.Data;

namespace Analytics.Warehouse;

/// <summary>
/// A table's content as one comparable line: row count and an order-free hash of its rows, leaving out wall-clock
/// timestamps, the columns named, and the last bits of doubles summed in parallel. Two tables that hold the same
/// facts have the same fingerprint, whichever run wrote them.
/// </summary>
public static class TableFingerprint
{
    /// <param name="database">The attached database the table is in; null for the connection's own.</param>
    public static string Of(DuckDBConnection connection, string? database, string schema, string table, IReadOnlySet<string> leaveOut)
    {
        var db = database is null ? "current_database()" : SqlExtensions.Literal(database);
        var columns = connection.Query($"""
            select column_name, data_type in ('DOUBLE', 'FLOAT') from duckdb_columns()
            where database_name = {db} and schema_name = ? and table_name = ?
              and data_type not like 'TIMESTAMP%' order by column_index
            """, r => (Name: r.GetString(0), IsDouble: r.GetBoolean(1)), schema, table)
            .Where(c => !leaveOut.Contains(c.Name))
            .Select(c => c.IsDouble ? $"round({SqlExtensions.Identifier(c.Name)}, 9)" : SqlExtensions.Identifier(c.Name)).ToList();
        var qualified = (database is null ? "" : SqlExtensions.Identifier(database) + ".") + $"{SqlExtensions.Identifier(schema)}.{SqlExtensions.Identifier(table)}";
        var hash = columns.Count == 0 ? "'0'" : $"coalesce(sum(hash({string.Join(", ", columns)})), 0)::varchar";
        var (count, sum) = connection.Query($"select count(*), {hash} from {qualified}", r => (r.GetInt64(0), r.GetString(1))).Single();
        return $"rows={count} hash={sum}";
    }
}
