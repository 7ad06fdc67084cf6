-- one row per month per teaching month of its window: its last three months that are not a break (寒假, 暑假)
-- The month itself is in its window when it is a teaching month. A break month's window is the three
-- teaching months before it, so a break neither counts as a lapse nor hides one.
with months as (select * from intermediate.int_months),
calendar as (select * from staging.stg_academic_calendar),

marked as (
    select months.*, calendar.break_name, calendar.break_name is not null as is_break
    from months
    left join calendar on calendar.month_of_year = months.month
),

teaching as (
    select month_id, month_start, row_number() over (order by month_start) as seq
    from marked
    where not is_break
),

latest_teaching as (
    -- For each month, the sequence number of the last teaching month on or before it.
    select marked.month_id, marked.is_break, marked.break_name, max(teaching.seq) as seq
    from marked
    join teaching on teaching.month_start <= marked.month_start
    group by all
)

select
    latest_teaching.month_id,
    latest_teaching.is_break,
    latest_teaching.break_name,
    teaching.month_id as window_month_id,
from latest_teaching
join teaching on teaching.seq between latest_teaching.seq - 2 and latest_teaching.seq
