-- 主要指标 and 近12个月走势: the unit's figures in the twelve months up to :month, latest first (the month and the one
-- before it for the table, all twelve for the trend); :unit is 'school' or a college id
select month_id, n_active_members, participation_rate, attendance_rate, org_life_compliance_3m, org_life_compliance, pledge_coverage,
    pledge_completion, pledge_progress, activity_coverage, reach, n_partners, n_publicity_items, n_publicity_reads, composite_score, grade,
    is_break_month
from (
    select 'school' as unit_id, * from marts.school_month
    union all by name
    select college_id as unit_id, * exclude (college_id, college_name) from marts.college_month
)
where unit_id = :unit and month_id <= :month
order by month_id desc
limit 12
