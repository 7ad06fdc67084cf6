-- one row per unit (branch, college or school) per month per pledge item of the catalogue
with member_items as (select * from intermediate.int_member_pledge_items),
rollups as (select * from intermediate.int_unit_rollups),

final as (
    select
        rollups.grain,
        rollups.rollup_id as unit_id,
        member_items.month_id,
        member_items.programme,
        member_items.item,
        member_items.item_text,
        count(*) as n_members_owing,
        count(*) filter (where is_pledged) as n_members_pledged,
        count(*) filter (where is_completed) as n_members_completed,
        count(*) filter (where is_pledged) / count(*) as pledge_rate,
        count(*) filter (where is_completed) / count(*) as completion_rate,
    from member_items
    join rollups on rollups.unit_id = member_items.branch_id
    group by all
)

select * from final
