-- Required meetings not held this year, by branch: the spot check of the plan's 检查评估 (breaks excluded).
select branch_id, count(*) as n_missed, list(activity_type || ' ' || strftime(period_start, '%Y-%m') order by period_start) as missed
from marts.org_life_obligations
where is_applicable and not is_met and not is_break_month
    and year(period_start) = (select max(year(period_start)) from marts.org_life_obligations)
group by branch_id
order by n_missed desc, branch_id
limit 15
