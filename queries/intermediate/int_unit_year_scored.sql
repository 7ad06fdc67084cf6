-- one row per college and for the school per year: the year-end brand assessment on the plan's four dimensions
-- (组织实施, 目标任务, 实际成效, 社会效应), each 0-100 as the mean of its components (each 0-1), the weighted
-- overall score, its grade and the college's rank. Year-to-date figures are read at the year's last month in the
-- data, so a year still under way is assessed to date; count targets are prorated to its months. Every figure is
-- computed from the counts of the unit's branches and its own activities, as the monthly ones are, so the school's
-- figures are comparable with a college's.
-- materialized: table (read by both year marts, which are views of it: computed once per build)
-- incremental: year (a year's rows depend only on the ledgers of that year to date)
-- Only the years an incremental build recomputes (all in a full build): 'yyyy-MM' >= 'yyyy' for every month of the year.
with scored as (select * from intermediate.int_unit_month_scored where month_id >= left(coalesce(getvariable('incremental_from_month'), ''), 4)),
rollups as (select * from intermediate.int_unit_rollups),
facts as (select * from intermediate.int_activity_facts where month_id >= left(coalesce(getvariable('incremental_from_month'), ''), 4)),
timely_months as (select * from intermediate.int_unit_month_timeliness where month_id >= left(coalesce(getvariable('incremental_from_month'), ''), 4)),
types as (select * from staging.stg_activity_types),
branch_items as (select * from intermediate.int_branch_pledge_items),
scoring as (select * from staging.stg_scoring_parameters),

unit_months as (
    select *, left(month_id, 4) as year from scored where grain in ('college', 'school')
),

-- Partners as ties: each distinct partner of each unit (a branch, or the college itself) in the year, so that a
-- partner working with two branches counts for both, at the college and at the school alike.
partner_ties as (
    select r.grain, r.rollup_id as unit_id, strftime(f.held_on, '%Y') as year,
        count(distinct (f.unit_id, trim(f.partner))) as n_partners_year,
    from facts as f
    join rollups as r on r.unit_id = f.unit_id and r.grain in ('college', 'school')
    where nullif(trim(f.partner), '') is not null
    group by all
),

year_end as (
    select year, max(month_id) as last_month_id, count(distinct month_id) as n_months
    from unit_months
    group by all
),

unit_year as (
    select
        grain, unit_id, year,
        cast(sum(n_org_life_present) as bigint) as n_org_life_present_year,
        cast(sum(n_org_life_records) as bigint) as n_org_life_records_year,
        -- Member-months of the teaching months: a break, when few meet, neither helps nor drags the year.
        cast(sum(n_members_present) filter (where not is_break_month) as bigint) as n_members_present_year,
        cast(sum(n_active_members) filter (where not is_break_month) as bigint) as n_member_months_year,
        avg(n_active_members) as avg_active_members,
        cast(sum(n_activities) as bigint) as n_activities_year,
        cast(sum(reach) as bigint) as reach_year,
        cast(sum(n_publicity_items) as bigint) as n_publicity_items_year,
        cast(sum(n_publicity_reads) as bigint) as n_publicity_reads_year,
        -- year-to-date figures, as they stand at the year's last month
        arg_max(org_life_compliance, month_id) as org_life_compliance_year,
        arg_max(pledge_coverage, month_id) as pledge_coverage_year,
        arg_max(pledge_completion, month_id) as pledge_completion_year,
        arg_max(activity_coverage, month_id) as activity_coverage_year,
        arg_max(n_active_members, month_id) as n_active_members_year,
        arg_max(n_members_owing, month_id) > 0 as owes_pledges,
    from unit_months
    group by all
),

-- 台账完整: the share of branch-months (with members) in which the branch recorded at least one activity.
completeness as (
    select r.grain, r.rollup_id as unit_id, left(b.month_id, 4) as year,
        count(distinct b.unit_id) as n_branches,
        count(*) filter (where b.n_activities > 0) / count(*) as ledger_completeness,
    from scored as b
    join rollups as r on r.unit_id = b.unit_id and r.grain in ('college', 'school')
    where b.grain = 'branch' and b.n_active_members > 0
    group by all
),

-- 台账及时: the share of the year's judged activities whose record reached the warehouse in time (see
-- int_unit_month_timeliness: records that came with the warehouse's first load are not judged, and a unit with
-- nothing judged has no timeliness, so the dimension is then the mean of its other three components).
timeliness as (
    select grain, unit_id, left(month_id, 4) as year,
        sum(n_activities_timely) / sum(n_activities_judged) as ledger_timeliness,
    from timely_months
    group by all
),

-- The pledge outcomes the plan names, completed by the year's last month: 课题 and 创业项目 (T1, T2) are projects,
-- 专业竞赛 (T4) competitions, 自主创业 (T3) businesses started.
outcomes as (
    select r.grain, r.rollup_id as unit_id, ye.year,
        cast(sum(bi.n_members_pledged) as bigint) as n_outcome_items_pledged,
        cast(sum(bi.n_members_completed) as bigint) as n_outcome_items_completed,
        cast(coalesce(sum(bi.n_members_completed) filter (where bi.item in ('T1', 'T2')), 0) as bigint) as n_projects,
        cast(coalesce(sum(bi.n_members_completed) filter (where bi.item = 'T4'), 0) as bigint) as n_competitions,
        cast(coalesce(sum(bi.n_members_completed) filter (where bi.item = 'T3'), 0) as bigint) as n_businesses,
    from branch_items as bi
    join year_end as ye on ye.last_month_id = bi.month_id
    join rollups as r on r.unit_id = bi.branch_id and r.grain in ('college', 'school')
    where bi.item in ('T1', 'T2', 'T3', 'T4')
    group by all
),

-- 校地合作: activities held as school-local cooperation.
local_cooperation as (
    select r.grain, r.rollup_id as unit_id, strftime(t.held_on, '%Y') as year, count(distinct t.activity_id) as n_local_cooperation,
    from types as t
    join rollups as r on r.unit_id = t.unit_id and r.grain in ('college', 'school')
    where t.activity_type = '校地合作' and t.held_on >= coalesce(make_date(cast(left(getvariable('incremental_from_month'), 4) as integer), 1, 1), date '0001-01-01')
    group by all
),

components as (
    select
        uy.*,
        ye.last_month_id,
        ye.n_months,
        coalesce(c.n_branches, 0) as n_branches,
        c.ledger_completeness,
        t.ledger_timeliness,
        uy.n_org_life_present_year / nullif(uy.n_org_life_records_year, 0) as attendance_rate_year,
        uy.n_members_present_year / nullif(uy.n_member_months_year, 0) as participation_rate_year,
        coalesce(pt.n_partners_year, 0) as n_partners_year,
        coalesce(o.n_outcome_items_pledged, 0) as n_outcome_items_pledged,
        coalesce(o.n_outcome_items_completed, 0) as n_outcome_items_completed,
        o.n_outcome_items_completed / nullif(o.n_outcome_items_pledged, 0) as outcome_completion,
        coalesce(o.n_projects, 0) as n_projects,
        coalesce(o.n_competitions, 0) as n_competitions,
        coalesce(o.n_businesses, 0) as n_businesses,
        coalesce(lc.n_local_cooperation, 0) as n_local_cooperation,
        -- Each count against its target for a full year, prorated to the months assessed; capped at 1.
        least(1, uy.reach_year / nullif(uy.avg_active_members, 0) / (s.year_target_reach_per_member * ye.n_months / 12)) as reach_score,
        least(1, uy.n_publicity_items_year / nullif(c.n_branches, 0) / (s.year_target_publicity_per_branch * ye.n_months / 12)) as publicity_score,
        least(1, uy.n_publicity_reads_year / nullif(uy.avg_active_members, 0) / (s.year_target_reads_per_member * ye.n_months / 12)) as reads_score,
        least(1, coalesce(pt.n_partners_year, 0) / nullif(c.n_branches, 0) / (s.year_target_partners_per_branch * ye.n_months / 12)) as partners_score,
        least(1, coalesce(lc.n_local_cooperation, 0) / nullif(c.n_branches, 0) / (s.year_target_local_cooperation_per_branch * ye.n_months / 12)) as local_cooperation_score,
        s.year_weight_implementation, s.year_weight_targets, s.year_weight_results, s.year_weight_social,
        s.grade_good_min, s.grade_fairly_good_min, s.grade_fair_min,
    from unit_year as uy
    join year_end as ye using (year)
    cross join scoring as s
    left join completeness as c using (grain, unit_id, year)
    left join timeliness as t using (grain, unit_id, year)
    left join outcomes as o using (grain, unit_id, year)
    left join local_cooperation as lc using (grain, unit_id, year)
    left join partner_ties as pt using (grain, unit_id, year)
),

dimensions as (
    select
        *,
        -- A component without data (no branch with members, no activity) counts as 0, never as missing; only
        -- timeliness may be unjudged (see above), and pledges do not apply to a unit none of whose members owes one
        -- (机关党委: catalogues/branch_categories.csv), so its dimensions are the mean of the other components.
        round(100 * (coalesce(org_life_compliance_year, 0) + coalesce(attendance_rate_year, 0)
            + coalesce(ledger_completeness, 0) + coalesce(ledger_timeliness, 0))
            / case when ledger_timeliness is null then 3 else 4 end, 6) as score_implementation,
        round(100 * (case when owes_pledges then coalesce(pledge_coverage_year, 0) + coalesce(pledge_completion_year, 0) else 0 end
            + coalesce(activity_coverage_year, 0)) / case when owes_pledges then 3 else 1 end, 6) as score_targets,
        round(100 * (coalesce(participation_rate_year, 0) + case when owes_pledges then coalesce(outcome_completion, 0) else 0 end)
            / case when owes_pledges then 2 else 1 end, 6) as score_results,
        round(100 * (coalesce(reach_score, 0) + coalesce(publicity_score, 0) + coalesce(reads_score, 0)
            + coalesce(partners_score, 0) + coalesce(local_cooperation_score, 0)) / 5, 6) as score_social,
    from components
),

final as (
    select
        * exclude (year_weight_implementation, year_weight_targets, year_weight_results, year_weight_social,
                   grade_good_min, grade_fairly_good_min, grade_fair_min, overall_unrounded),
        case
            when overall_score >= grade_good_min then '好'
            when overall_score >= grade_fairly_good_min then '较好'
            when overall_score >= grade_fair_min then '一般'
            else '差'
        end as grade_year,
        -- Ranked on the score as printed (one decimal): two colleges shown with 83.7 share a rank.
        case when grain = 'college' then rank() over (partition by grain, year order by round(overall_score, 1) desc) end as rank_among_colleges,
    from (
        select *,
            year_weight_implementation * score_implementation + year_weight_targets * score_targets
                + year_weight_results * score_results + year_weight_social * score_social as overall_unrounded,
            round(overall_unrounded, 6) as overall_score,
        from dimensions
    )
),

-- A college's brand project (一院一品) of the year: the one its activities name most often.
brands as (
    select college_id, left(month_id, 4) as year, mode(brand_project order by brand_project) as brand_project
    from facts
    where nullif(trim(brand_project), '') is not null
    group by all
)

select final.*, brands.brand_project
from final
left join brands on final.grain = 'college' and brands.college_id = final.unit_id and brands.year = final.year
