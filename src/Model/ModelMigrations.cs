using Analytics.Warehouse;

namespace Analytics.Model;

/// <summary>The model stage's tables in the warehouse's one migration history.</summary>
public static class ModelMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(6, "model builds, for incremental rebuilds", """
            create table ops.model_builds (
                build_id integer not null primary key,
                built_at timestamptz not null,
                kind varchar not null,              -- full | incremental
                from_month varchar,                 -- incremental: months from this one were rebuilt
                max_file_id bigint,                 -- the last ingested file the build saw
                definition_hash varchar not null    -- the models' SQL and the catalogues they read
            );
            """),
    ];
}
