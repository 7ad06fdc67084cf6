-- one row per member per month per item of their programme's catalogue: whether the member has pledged it and
-- completed it by the month's end. The one definition of "pledged" and "completed" every pledge figure uses.
with members as (select * from intermediate.int_branch_members),
months as (select * from intermediate.int_months),
pledges as (select * from staging.stg_pledges),
items as (select * from staging.stg_pledge_items),

final as (
    select
        members.month_id,
        members.branch_id,
        members.member_id,
        items.programme,
        items.item,
        items.item_text,
        -- A pledge counts from the day it was made: a month's figure never changes when later pledges arrive.
        -- (Kept out of the join condition: an OR there costs a nested-loop join.)
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
)

select * from final
