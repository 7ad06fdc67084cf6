-- one row per member per month in which they belong to a branch on the month's last day
-- Members appear under a pseudonymous key only: no name, no ledger number.
with members as (select * from intermediate.int_branch_members),
presence as (select * from intermediate.int_member_presence),
months as (select * from intermediate.int_months),
branches as (select * from intermediate.int_branches),
pledges as (select * from staging.stg_pledges),

pledge_counts as (
    select
        members.month_id,
        members.member_id,
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
        substr(sha256('kiln-fire-red:' || members.member_id), 1, 16) as member_key,
        members.month_id,
        members.branch_id,
        branches.college_id,
        members.member_type,
        members.programme,
        coalesce(presence.n_activities_present, 0) as n_activities_present,
        presence.member_id is not null as is_present,
        coalesce(pledge_counts.n_items_pledged, 0) as n_items_pledged,
        coalesce(pledge_counts.n_items_completed, 0) as n_items_completed_member,
    from members
    join branches using (branch_id)
    left join presence using (month_id, member_id)
    left join pledge_counts using (month_id, member_id)
)

select * from final
