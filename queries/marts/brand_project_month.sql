-- one row per brand project (一院一品) per month from its first activity on: activities, reach and partners
-- in the month and from 1 January to the month's end
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
with months as (select * from intermediate.int_months),
-- The activities of the years the build computes (all in a full build), of a brand project only: read once each, so the
-- planner does not keep a copy of every activity for the two readers (0.15 s of an incremental build on the large tier).
facts as (
    select * from intermediate.int_activity_facts
    where nullif(trim(brand_project), '') is not null
        and held_on >= coalesce(make_date(cast(left(getvariable('incremental_from_month'), 4) as integer), 1, 1), date '0001-01-01')
),

-- Each project's first month, over all its activities.
projects as (
    select brand_project, min(college_id) as college_id, min(month_id) as first_month_id
    from intermediate.int_activity_facts
    where brand_project is not null and nullif(trim(brand_project), '') is not null -- (the first test reads no text)
    group by brand_project
),

project_months as (
    select projects.*, months.month_id, months.year_start, months.month_start, months.month_end
    from projects join months on months.month_id >= projects.first_month_id
),

final as (
    select
        pm.brand_project,
        pm.college_id,
        pm.month_id,
        count(facts.activity_id) filter (where facts.month_id = pm.month_id) as n_activities,
        coalesce(cast(sum(facts.reach) filter (where facts.month_id = pm.month_id) as bigint), 0) as reach,
        count(distinct nullif(trim(facts.partner), '')) filter (where facts.month_id = pm.month_id) as n_partners,
        count(facts.activity_id) as n_activities_ytd,
        coalesce(cast(sum(facts.reach) as bigint), 0) as reach_ytd,
        count(distinct nullif(trim(facts.partner), '')) as n_partners_ytd,
    from project_months as pm
    left join facts
        on facts.brand_project = pm.brand_project
        and facts.held_on between pm.year_start and pm.month_end
    group by all
)

select * from final
