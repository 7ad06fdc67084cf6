-- one row per month for the whole school
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
-- materialized: view (the school's rows of an intermediate table: not stored twice)
with scored as (select * from intermediate.int_unit_month_scored)

select
    scored.* exclude (grain, unit_id, college_id, category, influence_index, rank_among_peers, n_peers),
from scored
where scored.grain = 'school'
