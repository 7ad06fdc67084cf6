-- one row per activity: the 台账 an evaluator spot-checks (who held what, when, with how many present), without names
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
with activities as (select * from staging.stg_activities),
-- Only the activities of the months an incremental build recomputes (all in a full build).
facts as (select * from intermediate.int_activity_facts where month_id >= coalesce(getvariable('incremental_from_month'), '')),
units as (select * from staging.stg_org_units),
attendance as (select * from staging.stg_attendance),

statuses as (
    select
        activity_id,
        count(*) filter (where attendance_status = '出席') as n_present_records,
        count(*) filter (where attendance_status = '请假') as n_leave_records,
        count(*) filter (where attendance_status = '缺席') as n_absent_records,
    from attendance
    where getvariable('incremental_from_month') is null or activity_id in (select activity_id from facts)
    group by activity_id
)

select
    activities.activity_id,
    facts.month_id,
    activities.unit_id,
    units.unit_name,
    facts.college_id,
    activities.held_on,
    activities.activity_types,
    activities.title,
    activities.brand_project,
    activities.partner,
    facts.is_org_life,
    activities.n_participants,
    activities.n_external_audience,
    coalesce(statuses.n_present_records, 0) as n_present_records,
    coalesce(statuses.n_leave_records, 0) as n_leave_records,
    coalesce(statuses.n_absent_records, 0) as n_absent_records,
from activities
join facts using (activity_id)
left join units on units.unit_id = activities.unit_id
left join statuses using (activity_id)
