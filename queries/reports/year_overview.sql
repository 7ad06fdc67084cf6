-- 年度评估: the unit's year-end dimension scores and their components (row 'unit'), the median over the colleges
-- (row 'median'), the school's (row 'school') and the unit's the year before (row 'previous', when there is one);
-- :unit is a college id or 'school'
with colleges as (select * from marts.college_year where year = :year),
school as (select * from marts.school_year where year = :year),

previous as (
    select 'previous' as row_kind, grade_year, n_months, overall_score, score_implementation, score_targets, score_results, score_social
    from marts.college_year
    where college_id = :unit and year = cast(cast(:year as integer) - 1 as varchar)
    union all
    select 'previous', grade_year, n_months, overall_score, score_implementation, score_targets, score_results, score_social
    from marts.school_year
    where :unit = 'school' and year = cast(cast(:year as integer) - 1 as varchar)
),

unit as (
    select 'unit' as row_kind, college_name as unit_name, brand_project, rank_among_colleges, grade_year,
        (select count(*) from colleges) as n_colleges, n_months, last_month_id, overall_score, score_implementation, score_targets, score_results, score_social, org_life_compliance_year, attendance_rate_year, ledger_completeness, ledger_timeliness, pledge_coverage_year, pledge_completion_year, activity_coverage_year, participation_rate_year, outcome_completion, n_outcome_items_completed, n_projects, n_competitions, n_businesses, reach_year, n_publicity_items_year, n_publicity_reads_year, n_partners_year, n_local_cooperation, reach_score, publicity_score, reads_score, partners_score, local_cooperation_score, n_active_members_year, n_branches
    from colleges where college_id = :unit
    union all
    select 'unit', '学校', null, null, grade_year, (select count(*) from colleges), n_months, last_month_id, overall_score, score_implementation, score_targets, score_results, score_social, org_life_compliance_year, attendance_rate_year, ledger_completeness, ledger_timeliness, pledge_coverage_year, pledge_completion_year, activity_coverage_year, participation_rate_year, outcome_completion, n_outcome_items_completed, n_projects, n_competitions, n_businesses, reach_year, n_publicity_items_year, n_publicity_reads_year, n_partners_year, n_local_cooperation, reach_score, publicity_score, reads_score, partners_score, local_cooperation_score, n_active_members_year, n_branches
    from school where :unit = 'school'
),

medians as (
    select 'median' as row_kind, '各学院中位数' as unit_name,
        median(n_months) as n_months,
        median(overall_score) as overall_score,
        median(score_implementation) as score_implementation,
        median(score_targets) as score_targets,
        median(score_results) as score_results,
        median(score_social) as score_social,
        median(org_life_compliance_year) as org_life_compliance_year,
        median(attendance_rate_year) as attendance_rate_year,
        median(ledger_completeness) as ledger_completeness,
        median(ledger_timeliness) as ledger_timeliness,
        median(pledge_coverage_year) as pledge_coverage_year,
        median(pledge_completion_year) as pledge_completion_year,
        median(activity_coverage_year) as activity_coverage_year,
        median(participation_rate_year) as participation_rate_year,
        median(outcome_completion) as outcome_completion,
        median(n_outcome_items_completed) as n_outcome_items_completed,
        median(n_projects) as n_projects,
        median(n_competitions) as n_competitions,
        median(n_businesses) as n_businesses,
        median(reach_year) as reach_year,
        median(n_publicity_items_year) as n_publicity_items_year,
        median(n_publicity_reads_year) as n_publicity_reads_year,
        median(n_partners_year) as n_partners_year,
        median(n_local_cooperation) as n_local_cooperation,
        median(reach_score) as reach_score,
        median(publicity_score) as publicity_score,
        median(reads_score) as reads_score,
        median(partners_score) as partners_score,
        median(local_cooperation_score) as local_cooperation_score,
        median(n_active_members_year) as n_active_members_year,
        median(n_branches) as n_branches,
    from colleges
),

school_row as (
    select 'school' as row_kind, '学校' as unit_name, grade_year, n_months, last_month_id, overall_score, score_implementation, score_targets, score_results, score_social, org_life_compliance_year, attendance_rate_year, ledger_completeness, ledger_timeliness, pledge_coverage_year, pledge_completion_year, activity_coverage_year, participation_rate_year, outcome_completion, n_outcome_items_completed, n_projects, n_competitions, n_businesses, reach_year, n_publicity_items_year, n_publicity_reads_year, n_partners_year, n_local_cooperation, reach_score, publicity_score, reads_score, partners_score, local_cooperation_score, n_active_members_year, n_branches from school
)

select * from unit
union all by name select * from medians
union all by name select * from school_row
union all by name select * from previous
