-- 一院一品: every sub-brand's activities, reach and partners this year to the end of :month (:unit 'school' for all)
select b.brand_project, b.college_id, c.college_name, b.n_activities, b.n_activities_ytd, b.reach_ytd, b.n_partners_ytd
from marts.brand_project_month as b
join marts.college_month as c on c.college_id = b.college_id and c.month_id = b.month_id
where b.month_id = :month and (:unit = 'school' or b.college_id = :unit)
order by b.n_activities_ytd desc, b.brand_project
