-- one row per member per month in which they belong to a branch on the month's last day: presence and pledges
with members as (select * from intermediate.int_branch_members),
months as (select * from intermediate.int_months),
presence as (select * from intermediate.int_member_presence),
pledges as (select * from staging.stg_pledges),
pledge_items as (select * from staging.stg_pledge_items),

items_per_programme as (
    select programme, count(*) as n_items from pledge_items group by programme
),

pledge_counts as (
    select
        members.month_id,
        members.member_id,
        -- A pledge counts from the day it was made: a month's figure never changes when later pledges arrive.
        -- (Kept out of the join condition: an OR there costs a nested-loop join.)
        count(pledges.item) filter (where pledges.pledged_on is null or pledges.pledged_on <= members.month_end) as n_items_pledged,
        count(pledges.item) filter (
            where (pledges.pledged_on is null or pledges.pledged_on <= members.month_end)
            and pledges.completed_on <= members.month_end and pledges.is_reviewed) as n_items_completed,
    from members
    join months using (month_id)
    left join pledges
        on pledges.member_id = members.member_id and pledges.programme = members.programme and pledges.year = months.year
    group by all
),

final as (
    select
        members.month_id,
        members.month_end,
        members.branch_id,
        members.member_id,
        members.member_type,
        members.programme,
        coalesce(presence.n_activities_present, 0) as n_activities_present,
        presence.member_id is not null as is_present,
        -- Each active member owes every item of their programme's catalogue.
        coalesce(items_per_programme.n_items, 0) as n_items_owed,
        coalesce(pledge_counts.n_items_pledged, 0) as n_items_pledged,
        coalesce(pledge_counts.n_items_completed, 0) as n_items_completed,
    from members
    left join presence using (month_id, member_id)
    left join pledge_counts using (month_id, member_id)
    left join items_per_programme using (programme)
)

select * from final
