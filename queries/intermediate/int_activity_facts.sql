-- one row per activity with its college, month, whether it is organisational life, its attendance and its reach
-- materialized: table (read by several models and costly: computed once per build)
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
-- Only the activities of the months an incremental build recomputes (all in a full build).
with activities as (select * from staging.stg_activities where held_on >= coalesce(cast(strptime(getvariable('incremental_from_month'), '%Y-%m') as date), date '0001-01-01')),
units as (select * from intermediate.int_units),
types as (select * from staging.stg_activity_types),
attendance as (select * from staging.stg_attendance),
attendance_files as (select * from intermediate.int_attendance_files),

-- An incremental build reads only the ledger files that hold attendance of its months' activities.
files as (
    select distinct file_id from attendance_files
    where activity_id in (select activity_id from activities)
),

records as (
    select
        activity_id,
        count(*) as n_records,
        count(*) filter (where is_present) as n_present,
        count(*) filter (where attendance_status = '请假') as n_leave,
        count(*) filter (where attendance_status = '缺席') as n_absent,
    from attendance
    -- (a full build counts every activity's rows without the lookups)
    where getvariable('incremental_from_month') is null
        or (file_id in (select file_id from files) and activity_id in (select activity_id from activities))
    group by activity_id
),

org_life as (
    select distinct activity_id from types
    where type_group = '组织生活' and held_on >= coalesce(cast(strptime(getvariable('incremental_from_month'), '%Y-%m') as date), date '0001-01-01')
),

final as (
    select
        activities.activity_id,
        activities.unit_id,
        units.college_id,
        activities.held_on,
        strftime(activities.held_on, '%Y-%m') as month_id,
        activities.brand_project,
        activities.partner,
        org_life.activity_id is not null as is_org_life,
        coalesce(records.n_records, 0) as n_attendance_records,
        coalesce(records.n_present, 0) as n_present,
        coalesce(records.n_leave, 0) as n_leave,
        coalesce(records.n_absent, 0) as n_absent,
        -- An empty 参与人数 counts the 出席 records instead.
        coalesce(activities.n_participants, records.n_present, 0) + coalesce(activities.n_external_audience, 0) as reach,
    from activities
    left join records using (activity_id)
    left join org_life using (activity_id)
    left join units using (unit_id)
)

select * from final
