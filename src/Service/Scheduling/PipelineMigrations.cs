using Analytics.Warehouse;

namespace Analytics.Service.Scheduling;

/// <summary>The scheduled service's table in the warehouse's one migration history: its job runs.</summary>
public static class PipelineMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(5, "job history of the scheduled service", """
            create table ops.job_runs (
                run_id integer not null primary key,
                job varchar not null,               -- ingest | build | reports
                trigger varchar not null,           -- schedule | catch-up | command
                period varchar,                     -- the month a reports run is for
                started_at timestamptz not null,
                finished_at timestamptz,
                outcome varchar not null,           -- running | succeeded | failed | cancelled
                counts varchar,
                error varchar
            );
            """),
    ];
}
