-- one row per college and for the school per month: the activities held in the month whose record is judged for
-- 台账及时 (ledger timeliness), and how many of them reached the warehouse in time
-- materialized: table (the year-end assessment sums the months of its year: each activity's arrival is worked out
-- when its month is built, not again for the whole year at every build)
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
-- A record is in time when it reached the warehouse within year_timely_days days (Asia/Shanghai dates) after the end
-- of the month it was held in. It arrives with the first load of any version of it (a correction sent later does not
-- make it late). Records that came with the warehouse's first load are history filled in when it was set up, not
-- late reports: they are not judged.
with facts as (
    select * from intermediate.int_activity_facts
    where month_id >= coalesce(getvariable('incremental_from_month'), '')
),
loads as (select * from staging.stg_activity_loads),
rollups as (select * from intermediate.int_unit_rollups),
scoring as (select * from staging.stg_scoring_parameters),

-- Only the loads of the months' activities are grouped (all loads grouped cost a one-month build 0.2 s).
arrival_days as (
    select activity_id, cast(timezone('Asia/Shanghai', min(loaded_at)) as date) as arrived_on from loads
    where activity_id in (select activity_id from facts)
    group by activity_id
),
-- (read apart from the loads above, so that the planner streams those rather than keeping a copy of all for two
-- readers) The warehouse's first load is the earliest of all.
first_load as (
    select cast(timezone('Asia/Shanghai', min(loaded_at)) as date) as arrived_on from staging.stg_activity_loads
)

select
    f.month_id,
    r.grain,
    r.rollup_id as unit_id,
    count(*) as n_activities_judged,
    count(*) filter (where a.arrived_on <= last_day(f.held_on) + cast((select year_timely_days from scoring) as integer))
        as n_activities_timely,
from facts as f
join arrival_days as a using (activity_id)
join rollups as r on r.unit_id = f.unit_id and r.grain in ('college', 'school')
where a.arrived_on > (select arrived_on from first_load)
group by all
