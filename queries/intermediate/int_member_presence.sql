-- one row per member per month in which they were present (出席) at one or more activities of any unit
with attendance as (select * from staging.stg_attendance),
-- The month of each activity, once per activity rather than once per attendance row.
activity_months as (select activity_id, strftime(held_on, '%Y-%m') as month_id from staging.stg_activities),

final as (
    select
        activity_months.month_id,
        attendance.member_id,
        -- An activity and a member are the attendance ledger's key: each row is a different activity, so counting
        -- rows counts activities (a distinct count would cost a set per member-month).
        count(*) as n_activities_present,
    from attendance
    join activity_months using (activity_id)
    where attendance.is_present
    group by all
)

select * from final
