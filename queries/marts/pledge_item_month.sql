-- one row per unit (branch, college or school) per month per pledge item of the catalogue
with members as (select * from intermediate.int_branch_members),
months as (select * from intermediate.int_months),
pledges as (select * from staging.stg_pledges),
items as (select * from staging.stg_pledge_items),
rollups as (select * from intermediate.int_unit_rollups),

member_items as (
    -- Each active member against each item of their programme's catalogue.
    select
        members.month_id,
        members.branch_id,
        items.programme,
        items.item,
        items.item_text,
        -- A pledge counts from the day it was made (kept out of the join condition: an OR there costs a nested loop).
        pledges.member_id is not null and (pledges.pledged_on is null or pledges.pledged_on <= members.month_end) as is_pledged,
        coalesce(pledges.member_id is not null and (pledges.pledged_on is null or pledges.pledged_on <= members.month_end)
            and pledges.completed_on <= members.month_end and pledges.is_reviewed, false) as is_completed,
    from members
    join months using (month_id)
    join items on items.programme = members.programme
    -- The pledge key is (member, programme, year, item): at most one match.
    left join pledges
        on pledges.member_id = members.member_id
        and pledges.programme = members.programme
        and pledges.item = items.item
        and pledges.year = months.year
),

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
