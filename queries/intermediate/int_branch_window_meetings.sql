-- one row per branch per month: the 三会一课 meetings whose period ended in a teaching month of the month's window
-- (its last three teaching months), and how many of them were held on time. A break month's duties are not
-- counted, so 寒假 and 暑假 are no lapse; quarterly and yearly duties count in the teaching month their period ends.
with windows as (select * from intermediate.int_teaching_windows),
periods as (select * from intermediate.int_org_life_periods),

final as (
    select
        w.month_id,
        p.branch_id,
        count(*) as n_meetings_required,
        count(*) filter (where p.is_met) as n_meetings_met,
    from windows as w
    -- (month_id: the month the period ends)
    join periods as p on p.is_applicable and p.month_id = w.window_month_id
    group by all
)

select * from final
