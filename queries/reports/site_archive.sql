-- 往期: the school's headline figures of every month up to :month, and the month's best college
select s.month_id, s.n_active_members, s.participation_rate, s.org_life_compliance, s.pledge_completion, s.composite_score, s.grade,
    (select c.college_name from marts.college_month as c where c.month_id = s.month_id order by c.rank_among_peers, c.college_id limit 1) as best_college
from marts.school_month as s
where s.month_id <= :month
order by s.month_id desc
