-- 学院排名: every college in the month, best first
select rank_among_peers as rank, college_id, college_name, composite_score, grade, participation_rate,
    org_life_compliance, pledge_completion, influence_index, activity_coverage, composite_change
from marts.college_month
where month_id = :month
order by rank_among_peers, college_id
