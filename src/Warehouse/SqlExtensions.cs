using System.Data;
using DuckDB.NET.Data;

namespace Analytics.Warehouse;

/// <summary>Small helpers over a DuckDB connection, so callers say what they run, not how.</summary>
public static class SqlExtensions
{
    public static int Execute(this DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var command = Prepare(connection, sql, parameters);
        var started = SqlTrace.Enabled ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
        var changed = command.ExecuteNonQuery();
        if (SqlTrace.Enabled) SqlTrace.Write(sql, started);
        return changed;
    }

    public static T? Scalar<T>(this DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var command = Prepare(connection, sql, parameters);
        var started = SqlTrace.Enabled ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
        var value = command.ExecuteScalar();
        if (SqlTrace.Enabled) SqlTrace.Write(sql, started);
        if (value is null || value is DBNull) return default;
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (value is T typed) return typed;
        // DuckDB's sum() of integers is a HUGEINT, which Convert does not know.
        if (value is System.Numerics.BigInteger big) value = (decimal)big;
        return (T)Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a query and maps each row; the reader is closed before returning.</summary>
    public static List<T> Query<T>(this DuckDBConnection connection, string sql, Func<IDataRecord, T> map, params object?[] parameters)
    {
        using var command = Prepare(connection, sql, parameters);
        var started = SqlTrace.Enabled ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        if (SqlTrace.Enabled) SqlTrace.Write(sql, started);
        return rows;
    }

    public static string? GetStringOrNull(this IDataRecord record, int ordinal) =>
        record.IsDBNull(ordinal) ? null : Convert.ToString(record.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    public static long GetInt64Value(this IDataRecord record, int ordinal) =>
        record.IsDBNull(ordinal) ? 0 : Convert.ToInt64(record.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Runs work in one transaction: committed when it returns, rolled back when it throws. When the rollback fails
    /// too (a full disk or a failed commit can end the transaction first), the work's own error is what surfaces,
    /// with the rollback's failure beside it: "no transaction is active" must never hide "no space left on device".
    /// </summary>
    public static T InTransaction<T>(this DuckDBConnection connection, Func<T> work)
    {
        connection.Execute("begin transaction");
        try
        {
            var result = work();
            connection.Execute("commit");
            return result;
        }
        catch (Exception failure)
        {
            try
            {
                connection.Execute("rollback");
            }
            catch (Exception rollback)
            {
                throw new TransactionFailedException(failure, rollback);
            }
            throw;
        }
    }

    public static void InTransaction(this DuckDBConnection connection, Action work) =>
        connection.InTransaction(() => { work(); return 0; });

    /// <summary>Quotes a string as a SQL literal (single quotes doubled).</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>Quotes an identifier (double quotes doubled).</summary>
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    private static DuckDBCommand Prepare(DuckDBConnection connection, string sql, object?[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
            command.Parameters.Add(new DuckDBParameter(parameter ?? DBNull.Value));
        return command;
    }
}
