-- 年度预警及整改情况: every warning that was open at some time in the year (marts.branch_warnings, the warnings'
-- lifecycle): when it opened, whether it was escalated to the college, when it was closed (销号) or that it is still
-- open, and the 整改措施 its reasons called for; :unit is a college id or 'school'
with warnings as (select * from marts.branch_warnings),
measures as (select * from marts.remediation_measures),
flags as (select max(month_id) as last_month_id from marts.branch_flags where left(month_id, 4) = :year),

in_year as (
    select w.*
    from warnings as w
    where w.opened_month <= :year || '-12' and coalesce(w.closed_month, '9999-12') >= :year || '-01'
        and (:unit = 'school' or w.college_id = :unit)
),

measured as (
    select i.warning_id, list(m.measure order by m.topic) as measures
    from in_year as i, unnest(i.topics) as t(topic)
    join measures as m on m.topic = t.topic
    group by all
)

select
    i.warning_id, i.branch_id, i.branch_name, i.college_id, i.opened_month, i.last_flagged_month, i.months_flagged,
    i.escalated_month, i.closed_month, i.status,
    coalesce(measured.measures, []) as measures,
    flags.last_month_id as year_last_month,
from in_year as i
left join measured using (warning_id)
cross join flags
order by i.status = 'closed', i.months_flagged desc, i.branch_id, i.opened_month
