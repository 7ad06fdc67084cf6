-- one row per member per month in which they were present (出席) at one or more activities of any unit
with attendance as (select * from staging.stg_attendance),
activities as (select * from staging.stg_activities),

final as (
    select
        strftime(activities.held_on, '%Y-%m') as month_id,
        attendance.member_id,
        count(distinct attendance.activity_id) as n_activities_present,
    from attendance
    join activities using (activity_id)
    where attendance.is_present
    group by all
)

select * from final
