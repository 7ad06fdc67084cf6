-- Branches under 60% participation for the last three months running (each of the three months below 0.6).
with recent as (
    select * from marts.branch_month
    where month_id in (select distinct month_id from marts.branch_month order by month_id desc limit 3)
)

select
    branch_id,
    branch_name,
    college_id,
    list(round(participation_rate, 2) order by month_id) as participation_last_3_months,
from recent
group by all
having count(*) = 3 and max(participation_rate) < 0.6
order by college_id, branch_id
