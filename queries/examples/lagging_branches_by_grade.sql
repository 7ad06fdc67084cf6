-- Branches graded 差 in the latest month, worst first, with their rank among peers and the change from the previous month.
select
    branch_id, branch_name, category, college_id,
    round(composite_score, 1) as score, grade, rank_among_peers, n_peers,
    round(composite_change, 1) as change_vs_last_month,
from marts.branch_month
where month_id = (select max(month_id) from marts.branch_month) and grade = '差'
order by composite_score, branch_id
