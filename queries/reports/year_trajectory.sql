-- 年度走势: the unit's month-by-month figures through the year (:unit is a college id or 'school')
select month_id, composite_score, participation_rate, org_life_compliance, pledge_completion, activity_coverage
from marts.college_month
where left(month_id, 4) = :year and college_id = :unit
union all
select month_id, composite_score, participation_rate, org_life_compliance, pledge_completion, activity_coverage
from marts.school_month
where left(month_id, 4) = :year and :unit = 'school'
order by month_id
