-- 走势: the unit's composite score, participation and org-life compliance over the twelve months up to :month
-- (:unit is 'school' or a college id)
select month_id, composite_score, participation_rate, org_life_compliance
from (
    select 'school' as unit_id, month_id, composite_score, participation_rate, org_life_compliance from marts.school_month
    union all
    select college_id, month_id, composite_score, participation_rate, org_life_compliance from marts.college_month
)
where unit_id = :unit and month_id <= :month
order by month_id desc
limit 12
