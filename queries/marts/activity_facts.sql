-- one row per activity: the 台账 an evaluator spot-checks (who held what, when, with how many present), without names
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
-- Only the activities of the months an incremental build recomputes (all in a full build): a fact's month is that of
-- the day the activity was held, so earlier days are skipped in the scan rather than matched against the facts.
with activities as (
    select * from staging.stg_activities
    where held_on >= coalesce(cast(strptime(getvariable('incremental_from_month'), '%Y-%m') as date), date '0001-01-01')
),
facts as (select * from intermediate.int_activity_facts where month_id >= coalesce(getvariable('incremental_from_month'), '')),
units as (select * from staging.stg_org_units)

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
    facts.n_present as n_present_records,
    facts.n_leave as n_leave_records,
    facts.n_absent as n_absent_records,
from activities
join facts using (activity_id)
left join units on units.unit_id = activities.unit_id
