-- 活动类型: the brand activity types (红色文化, 实践服务) a college or the school held this year to the end of :month
select activity_type, type_group, n_activities_ytd
from marts.activity_type_month
where month_id = :month and unit_id = :unit and grain = case when :unit = 'school' then 'school' else 'college' end
    and type_group in ('红色文化', '实践服务') and n_activities_ytd > 0
order by n_activities_ytd desc, activity_type
