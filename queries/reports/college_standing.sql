-- 综述 of a college's report: its rank among the colleges this month and the school's score beside it
select c.rank_among_peers, c.n_peers as n_colleges, c.composite_score, s.composite_score as school_score
from marts.college_month as c
join marts.school_month as s using (month_id)
where c.month_id = :month and c.college_id = :unit
