using DuckDB.NET.Data;

namespace Analytics.Warehouse;

/// <summary>
/// Applies the pending migrations of a warehouse, each in its own transaction together with its row in
/// ops.schema_version, so a crash leaves the schema at a whole version. The migrations come from several stages
/// (each owns its tables) but form one history: versions 1, 2, 3… without gaps or repeats, applied in order.
/// </summary>
public static class Migrator
{
    public static IReadOnlyList<Migration> Apply(DuckDBConnection connection, IEnumerable<Migration> declared, TimeProvider clock)
    {
        var migrations = declared.OrderBy(m => m.Version).ToList();
        CheckOrder(migrations);
        connection.Execute("create schema if not exists ops");
        connection.Execute("""
            create table if not exists ops.schema_version (
                version integer not null primary key,
                description varchar not null,
                applied_at timestamptz not null
            )
            """);
        var current = connection.Scalar<int?>("select max(version) from ops.schema_version") ?? 0;
        var known = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > known)
            throw new InvalidOperationException(
                $"The warehouse is at schema version {current}, newer than this program knows ({known}). Use a newer build of analytics.");

        var applied = new List<Migration>();
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            try
            {
                connection.InTransaction(() =>
                {
                    connection.Execute(migration.Sql);
                    connection.Execute("insert into ops.schema_version values (?, ?, ?)",
                        migration.Version, migration.Description, clock.GetUtcNow());
                });
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"Migration {migration.Version} ({migration.Description}) failed: {ex.Message}", ex);
            }
            applied.Add(migration);
        }
        return applied;
    }

    private static void CheckOrder(IReadOnlyList<Migration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (i > 0 && migrations[i].Version == migrations[i - 1].Version)
                throw new ArgumentException($"Migration version {migrations[i].Version} is declared twice: '{migrations[i - 1].Description}' and '{migrations[i].Description}'.");
            if (migrations[i].Version != i + 1)
                throw new ArgumentException($"Migrations must be numbered 1, 2, 3… without gaps; found version {migrations[i].Version} at position {i + 1}.");
        }
    }
}
