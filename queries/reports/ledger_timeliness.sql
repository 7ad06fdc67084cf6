-- 按时报送: one row per college and monthly ledger (catalogue ledger_deadlines) that is late as of :as_of: the last
-- month the college's ledger holds records for, the teaching months since then whose deadline (due_day of the month
-- after) has passed without any, and the days since the first of those deadlines. Break months (academic_calendar)
-- are not expected. A college that never sent a kind is late from the first month any college sent it.
with colleges as (
    select unit_id as college_id, unit_name as college_name from core.org_units where unit_type = 'college' and dissolved_on is null
),
unit_college as (
    select unit_id, case when unit_type = 'college' then unit_id else parent_id end as college_id from core.org_units
),
deadlines as (
    select kind, label, due_day from core.ledger_deadlines where is_monthly
),
months_sent as (
    select 'activities' as kind, uc.college_id, date_trunc('month', a.held_on) as month_start
    from core.activities as a join unit_college as uc on uc.unit_id = a.unit_id
    union
    select 'attendance', uc.college_id, date_trunc('month', a.held_on)
    from core.attendance as t join core.activities as a on a.activity_id = t.activity_id join unit_college as uc on uc.unit_id = a.unit_id
    union
    select 'publicity', uc.college_id, date_trunc('month', p.published_on)
    from core.publicity as p join unit_college as uc on uc.unit_id = p.unit_id
),
last_sent as (
    select d.kind, d.label, d.due_day, c.college_id, c.college_name,
        (select max(m.month_start) from months_sent as m where m.kind = d.kind and m.college_id = c.college_id) as last_month,
        (select min(m.month_start) from months_sent as m where m.kind = d.kind) as first_month_any,
        -- the latest month whose deadline has passed: its due day falls in the month after it
        cast(date_trunc('month', date :as_of - to_days(d.due_day - 1)) - interval 1 month as date) as expected_month
    from deadlines as d cross join colleges as c
),
missing as (
    select l.*, cast(m.month_start as date) as missing_month
    from last_sent as l,
        lateral (select unnest(generate_series(coalesce(l.last_month + interval 1 month, l.first_month_any), l.expected_month, interval 1 month)) as month_start) as m
    where l.first_month_any is not null
      and month(m.month_start) not in (select month_of_year from core.academic_calendar)
),
final as (
    select college_id, college_name, kind, label,
        strftime(max(last_month), '%Y-%m') as last_month_sent,
        cast(count(*) as bigint) as n_months_missing,
        string_agg(strftime(missing_month, '%Y-%m'), '、' order by missing_month) as months_missing,
        cast(date_diff('day', min(cast(missing_month + interval 1 month + to_days(due_day - 1) as date)), date :as_of) as bigint) as days_overdue
    from missing
    group by college_id, college_name, kind, label
)
select * from final
order by days_overdue desc, college_id, kind
