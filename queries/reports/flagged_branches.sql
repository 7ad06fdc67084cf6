-- 预警支部: branches the lagging-branch model flags in the month, with its reasons (:unit 'school' for all)
select f.branch_id, f.branch_name, f.college_id, f.score, f.threshold, f.model_version, f.reasons
from marts.branch_flags as f
where f.month_id = :month and f.is_flagged and (:unit = 'school' or f.college_id = :unit)
order by f.score desc, f.branch_id
