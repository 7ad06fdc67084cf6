-- one row per unit (branch, college, school) per month: base metrics, influence index, composite score, grade,
-- rank among peers and the change from the previous month
-- materialized: table (read by several models and costly: computed once per build)
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
-- An incremental build reads the months before the first it recomputes that its months depend on: a month's change
-- is from the month before, and a break month carries the last teaching month's score. So it reads from the last
-- teaching month before the first it recomputes, or the month before that if later, and at most twelve months back
-- (no calendar has a year of breaks). Reading all twelve, the windows below made this table 0.13 s of a one-month
-- build on the large tier, against 0.08 s.
with breaks as (select distinct month_id, is_break from intermediate.int_teaching_windows),
read_from as (
    select coalesce(least(
        strftime(strptime(getvariable('incremental_from_month'), '%Y-%m') - interval 1 month, '%Y-%m'),
        greatest(
            strftime(strptime(getvariable('incremental_from_month'), '%Y-%m') - interval 12 month, '%Y-%m'),
            coalesce(max(month_id) filter (where not is_break and month_id < getvariable('incremental_from_month')), ''))
    ), '') as month_id
    from breaks
),
counts as (
    select * from intermediate.int_unit_month_counts
    where month_id >= (select month_id from read_from)
),
scoring as (select * from staging.stg_scoring_parameters),
type_catalogue as (select * from staging.stg_activity_type_catalogue),

-- Every rate at every grain from its counts, defined once here.
unit_month as (
    select
        *,
        n_members_present / nullif(n_active_members, 0) as participation_rate,
        n_org_life_present / nullif(n_org_life_records, 0) as attendance_rate,
        -- Of the members who owe a pledge (机关 and 离退休 branches owe none: catalogues/branch_categories.csv).
        n_members_pledged / nullif(n_members_owing, 0) as pledge_coverage,
        -- Of the items the members pledged: how many are done (and reviewed); coverage says who pledged at all.
        n_items_completed / nullif(n_items_pledged, 0) as pledge_completion,
        n_meetings_met_3m / nullif(n_meetings_required_3m, 0) as org_life_compliance_3m,
        n_brand_types_held / (select count(*) from type_catalogue where is_brand_type) as activity_coverage,
    from counts
),

-- Peers: branches of the same category (教工/学生/…), colleges among colleges; the school has none.
influence as (
    select
        *,
        case when grain = 'school' then null else (
            percent_rank() over (partition by grain, category, month_id order by reach)
            + percent_rank() over (partition by grain, category, month_id order by n_publicity_reads)
            + percent_rank() over (partition by grain, category, month_id order by n_partners)
        ) / 3 end as influence_index,
    from unit_month
),

-- Components judged against the calendar (each 0-1, empty where it does not apply: a component that does not apply
-- is left out and its weight spread over the others). Pledges are made from pledge_year_start_month (March) and judged
-- from the month after: coverage as it stands, and progress as the items completed over those due by this month
-- (n_items_due: each item's due month, else pro rata to December) times pledge_expected_by_december, capped at 1.
-- 三会一课 over the last three teaching months, so that a branch that stops meeting drops within the quarter rather
-- than as slowly as a year-to-date share moves. Brand activity coverage against its yearly target, pro rata.
components as (
    select
        influence.*,
        month(month_start) > scoring.pledge_year_start_month and n_members_owing > 0 as is_pledge_judged,
        case when is_pledge_judged then pledge_coverage end as pledge_coverage_judged,
        case
            when not is_pledge_judged then null
            when n_items_pledged = 0 then 0.0
            when n_items_due > 0 then least(1.0, n_items_completed / (scoring.pledge_expected_by_december * n_items_due))
        end as pledge_progress,
        least(1.0, activity_coverage / (scoring.activity_coverage_target * month(month_start) / 12.0)) as activity_progress,
        coalesce(breaks.is_break, false) as is_break_month,
    from influence
    cross join scoring
    left join breaks using (month_id)
),

scored as (
    select
        components.*,
        -- The weighted mean of the components that apply. Rounded so that a parallel sum's last bits never reorder a
        -- rank or move a grade across its band.
        round(100 * (
            coalesce(scoring.weight_participation * participation_rate, 0)
            + coalesce(scoring.weight_attendance * attendance_rate, 0)
            + coalesce(scoring.weight_org_life_compliance * org_life_compliance_3m, 0)
            + coalesce(scoring.weight_pledge_coverage * pledge_coverage_judged, 0)
            + coalesce(scoring.weight_pledge_progress * pledge_progress, 0)
            + coalesce(scoring.weight_activity_coverage * activity_progress, 0)
            -- The school has no peers to rank against: its influence weight is spread over the other components.
            + case when grain = 'school' then 0 else coalesce(scoring.weight_influence_index * influence_index, 0) end
        ) / nullif(
            case when participation_rate is null then 0 else scoring.weight_participation end
            + case when attendance_rate is null then 0 else scoring.weight_attendance end
            + case when org_life_compliance_3m is null then 0 else scoring.weight_org_life_compliance end
            + case when pledge_coverage_judged is null then 0 else scoring.weight_pledge_coverage end
            + case when pledge_progress is null then 0 else scoring.weight_pledge_progress end
            + case when activity_progress is null then 0 else scoring.weight_activity_coverage end
            + case when grain = 'school' or influence_index is null then 0 else scoring.weight_influence_index end, 0), 6) as month_score,
        scoring.grade_good_min, scoring.grade_fairly_good_min, scoring.grade_fair_min,
    from components cross join scoring
),

carried as (
    -- A break month (寒假, 暑假) neither counts as a lapse nor drags the score: it keeps the last teaching month's.
    select
        *,
        coalesce(case when is_break_month then last_value(case when not is_break_month then month_score end ignore nulls)
            over (partition by grain, unit_id order by month_id rows between unbounded preceding and 1 preceding) end, month_score, 0) as composite_score,
    from scored
),

final as (
    select
        * exclude (grade_good_min, grade_fairly_good_min, grade_fair_min, month_score, is_pledge_judged, pledge_coverage_judged),
        case
            when composite_score >= grade_good_min then '好'
            when composite_score >= grade_fairly_good_min then '较好'
            when composite_score >= grade_fair_min then '一般'
            else '差'
        end as grade,
        case when grain <> 'school' then
            -- On the score as printed (one decimal): two branches shown with the same score share a rank.
            rank() over (partition by grain, category, month_id order by round(composite_score, 1) desc)
        end as rank_among_peers,
        case when grain <> 'school' then
            count(*) over (partition by grain, category, month_id)
        end as n_peers,
        composite_score - lag(composite_score) over (partition by grain, unit_id order by month_id) as composite_change,
        participation_rate - lag(participation_rate) over (partition by grain, unit_id order by month_id) as participation_change,
    from carried
)

select * from final
