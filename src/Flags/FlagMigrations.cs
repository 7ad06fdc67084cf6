using Analytics.Warehouse;

namespace Analytics.Flags;

/// <summary>The flag stage's tables in the warehouse's one migration history: its runs, the warnings, the alerts and their deliveries.</summary>
public static class FlagMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(3, "lagging-branch model runs", """
            create table ops.flag_runs (
                run_id integer not null primary key,
                model_version varchar not null,
                model_path varchar not null,
                trained_at timestamptz not null,
                train_rows integer not null,
                train_months varchar not null,
                threshold double not null,
                heldout_months varchar,
                heldout_rows integer,
                heldout_auc double,
                heldout_precision double,
                heldout_recall double,
                baseline_precision double,
                baseline_recall double,
                flagged_rows integer not null
            );
            """),
        new(4, "alerts and their deliveries", """
            create table ops.alerts (
                alert_id integer not null primary key,
                branch_id varchar not null,
                month_id varchar not null,
                topics varchar[] not null,
                reasons varchar[] not null,
                score double not null,
                model_version varchar not null,
                created_at timestamptz not null
            );
            create table ops.alert_deliveries (
                alert_id integer not null,
                channel varchar not null,
                attempt integer not null,
                attempted_at timestamptz not null,
                succeeded boolean not null,
                detail varchar
            );
            """),
        new(8, "warnings with a lifecycle; alerts of each kind; the flag run's layers and comparison", """
            create table ops.warnings (
                warning_id varchar not null primary key,   -- branch_id:opened_month
                branch_id varchar not null,
                college_id varchar,
                opened_month varchar not null,
                last_flagged_month varchar not null,
                months_flagged integer not null,
                escalated_month varchar,
                closed_month varchar,
                status varchar not null,                   -- open | closed
                layers varchar[] not null,
                topics varchar[] not null,
                reasons varchar[] not null
            );
            alter table ops.alerts add column kind varchar;        -- open | reminder | escalate | close
            alter table ops.alerts add column warning_id varchar;
            alter table ops.alerts add column audience varchar;    -- branch | college
            alter table ops.flag_runs add column model_kind varchar;   -- supervised | peer
            alter table ops.flag_runs add column latest_month varchar;
            alter table ops.flag_runs add column comparison json;
            """),
    ];
}
