-- one row per unit (branch, college, school) per month: base metrics, influence index, composite score, grade,
-- rank among peers and the change from the previous month
-- materialized: table (read by several models and costly: computed once per build)
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
with counts as (select * from intermediate.int_unit_month_counts),
scoring as (select * from staging.stg_scoring_parameters),
type_catalogue as (select * from staging.stg_activity_type_catalogue),
breaks as (select distinct month_id, is_break from intermediate.int_teaching_windows),

-- Every rate at every grain from its counts, defined once here.
unit_month as (
    select
        *,
        n_members_present / nullif(n_active_members, 0) as participation_rate,
        n_org_life_present / nullif(n_org_life_records, 0) as attendance_rate,
        -- Of the members who owe a pledge (机关 and 离退休 branches owe none: catalogues/branch_categories.csv).
        n_members_pledged / nullif(n_members_owing, 0) as pledge_coverage,
        n_items_completed / nullif(n_items_owed, 0) as pledge_completion,
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
-- is left out and its weight spread over the others). Pledges are made from March and due by December: progress is
-- completion over what is expected by this month (pledge_expected_by_december of the items owed, pro rata from March),
-- capped at 1, and nothing is due before April. Brand activity coverage likewise against its yearly target, pro rata.
components as (
    select
        influence.*,
        case when month(month_start) >= 4 and n_items_owed > 0 then least(1.0,
            (n_items_completed / n_items_owed) / (scoring.pledge_expected_by_december * (month(month_start) - 3) / 9.0)) end as pledge_progress,
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
            + coalesce(scoring.weight_org_life_compliance * org_life_compliance, 0)
            + coalesce(scoring.weight_pledge_progress * pledge_progress, 0)
            + coalesce(scoring.weight_activity_coverage * activity_progress, 0)
            -- The school has no peers to rank against: its influence weight is spread over the other components.
            + case when grain = 'school' then 0 else coalesce(scoring.weight_influence_index * influence_index, 0) end
        ) / nullif(
            case when participation_rate is null then 0 else scoring.weight_participation end
            + case when attendance_rate is null then 0 else scoring.weight_attendance end
            + case when org_life_compliance is null then 0 else scoring.weight_org_life_compliance end
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
        * exclude (grade_good_min, grade_fairly_good_min, grade_fair_min, month_score),
        case
            when composite_score >= grade_good_min then '好'
            when composite_score >= grade_fairly_good_min then '较好'
            when composite_score >= grade_fair_min then '一般'
            else '差'
        end as grade,
        case when grain <> 'school' then
            rank() over (partition by grain, category, month_id order by composite_score desc)
        end as rank_among_peers,
        case when grain <> 'school' then
            count(*) over (partition by grain, category, month_id)
        end as n_peers,
        composite_score - lag(composite_score) over (partition by grain, unit_id order by month_id) as composite_change,
        participation_rate - lag(participation_rate) over (partition by grain, unit_id order by month_id) as participation_change,
    from carried
)

select * from final
