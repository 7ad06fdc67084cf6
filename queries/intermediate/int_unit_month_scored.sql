-- one row per unit (branch, college, school) per month: base metrics, influence index, composite score, grade,
-- rank among peers and the change from the previous month
-- materialized: table (read by several models and costly: computed once per build)
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
with counts as (select * from intermediate.int_unit_month_counts),
scoring as (select * from staging.stg_scoring_parameters),
type_catalogue as (select * from staging.stg_activity_type_catalogue),

-- Every rate at every grain from its counts, defined once here.
unit_month as (
    select
        *,
        n_members_present / nullif(n_active_members, 0) as participation_rate,
        n_org_life_present / nullif(n_org_life_records, 0) as attendance_rate,
        n_members_pledged / nullif(n_active_members, 0) as pledge_coverage,
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

scored as (
    select
        influence.*,
        -- Rounded so that a parallel sum's last bits never reorder a rank or move a grade across its band.
        round(100 * (
            scoring.weight_participation * coalesce(participation_rate, 0)
            + scoring.weight_org_life_compliance * coalesce(org_life_compliance, 0)
            + scoring.weight_pledge_completion * coalesce(pledge_completion, 0)
            + scoring.weight_activity_coverage * coalesce(activity_coverage, 0)
            -- The school has no peers to rank against: its influence weight is spread over the other components.
            + case when grain = 'school'
                then scoring.weight_influence_index / (1 - scoring.weight_influence_index) * (
                    scoring.weight_participation * coalesce(participation_rate, 0)
                    + scoring.weight_org_life_compliance * coalesce(org_life_compliance, 0)
                    + scoring.weight_pledge_completion * coalesce(pledge_completion, 0)
                    + scoring.weight_activity_coverage * coalesce(activity_coverage, 0))
                else scoring.weight_influence_index * coalesce(influence_index, 0) end
        ), 6) as composite_score,
        scoring.grade_good_min, scoring.grade_fairly_good_min, scoring.grade_fair_min,
    from influence cross join scoring
),

final as (
    select
        * exclude (grade_good_min, grade_fairly_good_min, grade_fair_min),
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
    from scored
)

select * from final
