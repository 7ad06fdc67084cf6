-- one row per unit (branch, college or school) per month per activity type held from 1 January to the month's end
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
with types as (select * from staging.stg_activity_types),
rollups as (select * from intermediate.int_unit_rollups),
months as (select * from intermediate.int_months),

final as (
    select
        rollups.grain,
        rollups.rollup_id as unit_id,
        months.month_id,
        types.activity_type,
        types.type_group,
        count(*) filter (where strftime(types.held_on, '%Y-%m') = months.month_id) as n_activities,
        count(*) as n_activities_ytd,
    from months
    join types on types.held_on between months.year_start and months.month_end
    join rollups on rollups.unit_id = types.unit_id
    group by all
)

select * from final
