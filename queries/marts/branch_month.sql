-- one row per branch per month
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
with scored as (select * from intermediate.int_unit_month_scored),
branches as (select * from intermediate.int_branches)

select
    scored.unit_id as branch_id,
    branches.branch_name,
    scored.* exclude (grain, unit_id),
from scored
join branches on branches.branch_id = scored.unit_id
where scored.grain = 'branch'
