-- 支部情况: the branches of a college in the month, best first within each category
select branch_id, branch_name, category, n_active_members, composite_score, grade, rank_among_peers, n_peers,
    participation_rate, attendance_rate, org_life_compliance, pledge_completion
from marts.branch_month
where month_id = :month and college_id = :unit
order by category, rank_among_peers, branch_id
