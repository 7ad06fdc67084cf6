-- one row per unit (branch, college or school) per month per publicity channel with items published
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
with publicity as (select * from staging.stg_publicity),
rollups as (select * from intermediate.int_unit_rollups),

final as (
    select
        rollups.grain,
        rollups.rollup_id as unit_id,
        strftime(publicity.published_on, '%Y-%m') as month_id,
        publicity.channel,
        count(*) as n_publicity_items,
        cast(sum(publicity.n_reads) as bigint) as n_publicity_reads,
        cast(sum(publicity.n_likes) as bigint) as n_publicity_likes,
    from publicity
    join rollups using (unit_id)
    group by all
)

select * from final
