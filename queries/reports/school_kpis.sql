-- 主要指标 of a college's report: the school's figures in :month, beside the college's (:unit is not used)
select month_id, n_active_members, participation_rate, attendance_rate, org_life_compliance_3m, org_life_compliance, pledge_coverage,
    pledge_completion, pledge_progress, activity_coverage, reach, n_partners, n_publicity_items, n_publicity_reads, composite_score, grade
from marts.school_month
where month_id = :month
