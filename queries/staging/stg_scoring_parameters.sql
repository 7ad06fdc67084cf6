-- one row: the composite-score weights, grade bands and year-end assessment parameters of catalogues/scoring.csv
with parameters as (select * from core.scoring_parameters)

select
    max(value) filter (where name = 'weight_participation') as weight_participation,
    max(value) filter (where name = 'weight_org_life_compliance') as weight_org_life_compliance,
    max(value) filter (where name = 'weight_attendance') as weight_attendance,
    max(value) filter (where name = 'weight_pledge_coverage') as weight_pledge_coverage,
    max(value) filter (where name = 'weight_pledge_progress') as weight_pledge_progress,
    cast(max(value) filter (where name = 'pledge_year_start_month') as integer) as pledge_year_start_month,
    max(value) filter (where name = 'pledge_expected_by_december') as pledge_expected_by_december,
    max(value) filter (where name = 'activity_coverage_target') as activity_coverage_target,
    max(value) filter (where name = 'weight_influence_index') as weight_influence_index,
    max(value) filter (where name = 'weight_activity_coverage') as weight_activity_coverage,
    max(value) filter (where name = 'grade_good_min') as grade_good_min,
    max(value) filter (where name = 'grade_fairly_good_min') as grade_fairly_good_min,
    max(value) filter (where name = 'grade_fair_min') as grade_fair_min,
    max(value) filter (where name = 'year_weight_implementation') as year_weight_implementation,
    max(value) filter (where name = 'year_weight_targets') as year_weight_targets,
    max(value) filter (where name = 'year_weight_results') as year_weight_results,
    max(value) filter (where name = 'year_weight_social') as year_weight_social,
    max(value) filter (where name = 'year_timely_days') as year_timely_days,
    max(value) filter (where name = 'year_target_reach_per_member') as year_target_reach_per_member,
    max(value) filter (where name = 'year_target_publicity_per_branch') as year_target_publicity_per_branch,
    max(value) filter (where name = 'year_target_reads_per_member') as year_target_reads_per_member,
    max(value) filter (where name = 'year_target_partners_per_branch') as year_target_partners_per_branch,
    max(value) filter (where name = 'year_target_local_cooperation_per_branch') as year_target_local_cooperation_per_branch,
from parameters
