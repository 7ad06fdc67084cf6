using Analytics.Flags;
using Analytics.Ingest;
using Analytics.Model;
using Analytics.Service.Scheduling;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Service.Stages;

/// <summary>
/// The warehouse as this program knows it: every stage's migrations (each stage owns its tables) in their one
/// forward-only history, ordered by version.
/// </summary>
public static class WarehouseSchema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
        [.. IngestMigrations.All.Concat(FlagMigrations.All).Concat(PipelineMigrations.All).Concat(ModelMigrations.All).OrderBy(m => m.Version)];

    /// <summary>Opens (creating or upgrading in place) the warehouse file at the latest version.</summary>
    public static DuckDBConnection Open(string path, TimeProvider? clock = null, string memoryLimit = WarehouseDatabase.DefaultMemoryLimit) =>
        WarehouseDatabase.Open(path, Migrations, clock, memoryLimit);
}
