-- Rank the colleges in the latest month: composite score, grade and the components behind it.
-- analytics sql "$(cat queries/examples/rank_colleges_this_month.sql)"
select
    rank_among_peers as rank,
    college_name,
    round(composite_score, 1) as score,
    grade,
    round(participation_rate, 3) as participation,
    round(org_life_compliance, 3) as org_life,
    round(pledge_completion, 3) as pledges_done,
    round(influence_index, 3) as influence,
    round(activity_coverage, 3) as coverage,
    round(composite_change, 1) as change_vs_last_month,
from marts.college_month
where month_id = (select max(month_id) from marts.college_month)
order by rank, college_name
