-- one row per member per month in which they belong to a branch on the month's last day: presence and pledges
-- materialized: table (read by several models and costly: computed once per build)
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
-- Only the months an incremental build recomputes (all in a full build).
-- Months are joined by their index (year × 12 + month − 1): an integer key joins 6 million member-months with their
-- presence about a second faster than the 'yyyy-MM' text on the large tier.
with members as (
    select *, year(month_end) * 12 + month(month_end) - 1 as month_index, month(month_end) as month_of_year
    from intermediate.int_branch_members
    where month_id >= coalesce(getvariable('incremental_from_month'), '')
),
-- The month of each activity, once per activity rather than once per attendance row.
activity_months as (
    select activity_id, year(held_on) * 12 + month(held_on) - 1 as month_index from staging.stg_activities
    where held_on >= coalesce(cast(strptime(getvariable('incremental_from_month'), '%Y-%m') as date), date '0001-01-01')
),
attendance as (select * from staging.stg_attendance),
attendance_files as (select * from intermediate.int_attendance_files),
pledge_years as (
    select * from intermediate.int_member_pledge_years
    where year >= cast(left(coalesce(getvariable('incremental_from_month'), '0'), 4) as integer)
),
items as (select * from staging.stg_pledge_items),
scoring as (select * from staging.stg_scoring_parameters),

-- An incremental build reads only the ledger files that hold attendance of its months' activities.
files as (
    select distinct file_id from attendance_files
    where activity_id in (select activity_id from activity_months)
),

-- One row per member per month in which they were present (出席) at one or more activities of any unit.
presence as (
    select
        activity_months.month_index,
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
        -- The member's pledge year as it stands at the month's end: the offsets (0 = January) before its month.
        coalesce(len(list_filter(pledge_years.pledged, x -> x < members.month_of_year)), 0) as n_items_pledged,
        coalesce(len(list_filter(pledge_years.completed, x -> x < members.month_of_year)), 0) as n_items_completed,
        cast(coalesce(len(list_filter(pledge_years.due, x -> x < members.month_of_year))
            -- A pro-rata item is owed from nothing in the month pledges are made (March) to all in December. A
            -- decimal, so that sums of it are exact whatever order a parallel sum takes (incremental equals full).
            + len(list_filter(pledge_years.pro_rata, x -> x < members.month_of_year))
              * cast(greatest(0.0, least(1.0, (members.month_of_year - scoring.pledge_year_start_month)
                / (12.0 - scoring.pledge_year_start_month))) as decimal(18, 12)), 0) as decimal(38, 12)) as n_items_due,
    from members
    left join presence on presence.month_index = members.month_index and presence.member_id = members.member_id
    left join pledge_years
        on pledge_years.member_id = members.member_id
        and pledge_years.programme = members.programme
        and pledge_years.year = year(members.month_end)
    left join catalogue_sizes on catalogue_sizes.programme = members.programme
    cross join scoring
)

select * from final
