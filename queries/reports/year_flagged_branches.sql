-- 年度预警支部: the branches the lagging-branch model flagged in the year, when, and whether they recovered
-- (not flagged in the year's last two months of data); :unit is a college id or 'school'
with flags as (select * from marts.branch_flags where left(month_id, 4) = :year),
last_month as (select max(month_id) as month_id from flags),

flagged as (
    select branch_id, branch_name, college_id,
        count(*) as n_months_flagged,
        min(month_id) as first_flagged,
        max(month_id) as last_flagged,
        list(month_id order by month_id) as months_flagged,
    from flags
    where is_flagged and (:unit = 'school' or college_id = :unit)
    group by all
)

select flagged.*,
    -- recovered: its last flag is at least two months before the year's last month
    flagged.last_flagged < strftime(cast(last_month.month_id || '-01' as date) - interval 1 month, '%Y-%m') as recovered,
    last_month.month_id as year_last_month,
from flagged cross join last_month
order by n_months_flagged desc, branch_id
