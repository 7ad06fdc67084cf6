-- one row: the composite-score weights and grade bands of catalogues/scoring.csv
with parameters as (select * from core.scoring_parameters)

select
    max(value) filter (where name = 'weight_participation') as weight_participation,
    max(value) filter (where name = 'weight_org_life_compliance') as weight_org_life_compliance,
    max(value) filter (where name = 'weight_pledge_completion') as weight_pledge_completion,
    max(value) filter (where name = 'weight_influence_index') as weight_influence_index,
    max(value) filter (where name = 'weight_activity_coverage') as weight_activity_coverage,
    max(value) filter (where name = 'grade_good_min') as grade_good_min,
    max(value) filter (where name = 'grade_fairly_good_min') as grade_fairly_good_min,
    max(value) filter (where name = 'grade_fair_min') as grade_fair_min,
from parameters
