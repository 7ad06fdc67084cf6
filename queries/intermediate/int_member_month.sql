-- one row per member per month in which they belong to a branch on the month's last day: presence and pledges
-- materialized: table (read by several models and costly: computed once per build)
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
-- Only the months an incremental build recomputes (all in a full build).
with members as (select * from intermediate.int_branch_members where month_id >= coalesce(getvariable('incremental_from_month'), '')),
-- The month of each activity, once per activity rather than once per attendance row.
activity_months as (
    select activity_id, strftime(held_on, '%Y-%m') as month_id from staging.stg_activities
    where strftime(held_on, '%Y-%m') >= coalesce(getvariable('incremental_from_month'), '')
),
attendance as (select * from staging.stg_attendance),
attendance_files as (select * from intermediate.int_attendance_files),
member_items as (select * from intermediate.int_member_pledge_items where month_id >= coalesce(getvariable('incremental_from_month'), '')),
items as (select * from staging.stg_pledge_items),

-- An incremental build reads only the ledger files that hold attendance of its months' activities.
files as (
    select distinct file_id from attendance_files
    where activity_id in (select activity_id from activity_months)
),

-- One row per member per month in which they were present (出席) at one or more activities of any unit.
presence as (
    select
        activity_months.month_id,
        attendance.member_id,
        -- An activity and a member are the attendance ledger's key: each row is a different activity, so counting
        -- rows counts activities (a distinct count would cost a set per member-month).
        count(*) as n_activities_present,
    from attendance
    join activity_months using (activity_id)
    where attendance.is_present
        and (getvariable('incremental_from_month') is null or attendance.file_id in (select file_id from files))
    group by all
),

catalogue_sizes as (
    select programme, count(*) as n_items from items group by all
),

pledge_counts as (
    select
        month_id,
        member_id,
        count(*) as n_items_pledged,
        count(*) filter (where is_completed) as n_items_completed,
        cast(sum(due_share) as decimal(38, 12)) as n_items_due,
    from member_items
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
        coalesce(catalogue_sizes.n_items, 0) as n_items_owed,
        coalesce(pledge_counts.n_items_pledged, 0) as n_items_pledged,
        coalesce(pledge_counts.n_items_completed, 0) as n_items_completed,
        coalesce(pledge_counts.n_items_due, 0) as n_items_due,
    from members
    left join presence using (month_id, member_id)
    left join pledge_counts using (month_id, member_id)
    left join catalogue_sizes using (programme)
)

select * from final
