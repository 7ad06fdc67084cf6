using DuckDB.NET.Data;

namespace Analytics.Ingest.Warehouse;

/// <summary>Opens the warehouse file (creating its folder and schema as needed) at the latest schema version.</summary>
public static class WarehouseDatabase
{
    public static DuckDBConnection Open(string path, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var connection = new DuckDBConnection($"DataSource={full}");
        try
        {
            connection.Open();
            Migrator.Apply(connection, WarehouseMigrations.All, clock ?? TimeProvider.System);
            return connection;
        }
        catch (Exception ex) when (ex is not InvalidOperationException)
        {
            connection.Dispose();
            throw new InvalidOperationException($"Cannot open the warehouse '{full}': {ex.Message}", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static int SchemaVersion(DuckDBConnection connection) =>
        connection.Scalar<int?>("select max(version) from ops.schema_version") ?? 0;
}
