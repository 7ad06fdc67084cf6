-- 近12个月走势: the unit's score and the components a reader acts on, over the twelve months up to :month
-- (:unit is 'school' or a college id)
select month_id, composite_score, participation_rate, org_life_compliance_3m, pledge_progress, is_break_month
from (
    select 'school' as unit_id, * from marts.school_month
    union all by name
    select college_id as unit_id, * exclude (college_id, college_name) from marts.college_month
)
where unit_id = :unit and month_id <= :month
order by month_id desc
limit 12
