-- 预警支部: the follow-up of each warning open in :month (marts.branch_warnings): since when, and whether and since
-- when it is escalated to the college (升级督办); :unit 'school' for all
select branch_id, opened_month, escalated_month
from marts.branch_warnings
where opened_month <= :month and coalesce(closed_month, '9999-12') > :month
    and (:unit = 'school' or college_id = :unit)
