-- one row per unit (branch, college or school) per month per pledge item of the catalogue
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
with members as (select * from intermediate.int_branch_members),
branch_items as (select * from intermediate.int_branch_pledge_items),
items as (select * from staging.stg_pledge_items),
rollups as (select * from intermediate.int_unit_rollups),

-- Every active member owes every item of their programme's catalogue.
owing as (
    select rollups.grain, rollups.rollup_id as unit_id, m.month_id, items.programme, items.item, items.item_text,
        cast(sum(m.n_members) as bigint) as n_members_owing,
    from (select branch_id, month_id, programme, count(*) as n_members from members group by all) as m
    join items on items.programme = m.programme
    join rollups on rollups.unit_id = m.branch_id
    group by all
),

pledged as (
    select rollups.grain, rollups.rollup_id as unit_id, branch_items.month_id, branch_items.item,
        cast(sum(branch_items.n_members_pledged) as bigint) as n_members_pledged,
        cast(sum(branch_items.n_members_completed) as bigint) as n_members_completed,
    from branch_items
    join rollups on rollups.unit_id = branch_items.branch_id
    group by all
),

final as (
    select
        owing.*,
        coalesce(pledged.n_members_pledged, 0) as n_members_pledged,
        coalesce(pledged.n_members_completed, 0) as n_members_completed,
        coalesce(pledged.n_members_pledged, 0) / owing.n_members_owing as pledge_rate,
        coalesce(pledged.n_members_completed, 0) / owing.n_members_owing as completion_rate,
    from owing
    left join pledged using (grain, unit_id, month_id, item)
)

select * from final
