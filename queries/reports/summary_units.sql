-- 综述: the units one level down (the school's colleges, a college's branches) in the month and the month before:
-- score, grade, change, and the components of the score, so that the summary can say who moved most and why
with colleges as (
    select college_id as unit_id, college_name as unit_name, month_id, composite_score, grade, rank_among_peers, n_peers,
        participation_rate, attendance_rate, org_life_compliance_3m, pledge_coverage, pledge_progress
    from marts.college_month
    where :unit = 'school'
),

branches as (
    select branch_id as unit_id, branch_name as unit_name, month_id, composite_score, grade, rank_among_peers, n_peers,
        participation_rate, attendance_rate, org_life_compliance_3m, pledge_coverage, pledge_progress
    from marts.branch_month
    where college_id = :unit and n_active_members > 0
),

units as (select * from colleges union all select * from branches),

previous as (
    select * from units
    where month_id = (select max(month_id) from units where month_id < :month)
)

select
    u.unit_id, u.unit_name, u.composite_score, u.grade, u.rank_among_peers, u.n_peers,
    u.composite_score - p.composite_score as composite_change,
    u.participation_rate - p.participation_rate as participation_rate_change,
    u.attendance_rate - p.attendance_rate as attendance_rate_change,
    u.org_life_compliance_3m - p.org_life_compliance_3m as org_life_compliance_3m_change,
    u.pledge_coverage - p.pledge_coverage as pledge_coverage_change,
    u.pledge_progress - p.pledge_progress as pledge_progress_change,
from units as u
left join previous as p using (unit_id)
where u.month_id = :month
order by u.composite_score desc, u.unit_id
