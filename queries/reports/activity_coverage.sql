-- 活动覆盖: activities held this year by college (or branch) and brand activity type (红色文化, 实践服务)
select m.unit_id, coalesce(c.college_name, b.branch_name) as unit_name, m.activity_type, m.n_activities_ytd
from marts.activity_type_month as m
left join (select distinct college_id, college_name from marts.college_month) as c on c.college_id = m.unit_id and m.grain = 'college'
left join (select distinct branch_id, branch_name, college_id from marts.branch_month) as b on b.branch_id = m.unit_id and m.grain = 'branch'
where m.month_id = :month and m.type_group in ('红色文化', '实践服务')
    and ((:unit = 'school' and m.grain = 'college') or (:unit <> 'school' and m.grain = 'branch' and b.college_id = :unit))
order by m.unit_id, m.activity_type
