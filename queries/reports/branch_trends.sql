-- 各支部走势 of a college's report: each branch's monthly score over the twelve months up to :month (:unit is a college id)
with months as (
    select distinct month_id from marts.branch_month where month_id <= :month order by month_id desc limit 12
)

select b.branch_id, b.branch_name, b.month_id, b.composite_score
from marts.branch_month as b
join months using (month_id)
where b.college_id = :unit and b.n_active_members > 0
order by b.branch_id, b.month_id
