-- one row per year for the whole school: the year-end brand assessment on the plan's four dimensions
-- incremental: year (a year's rows depend only on the ledgers of that year to date)
-- materialized: view (the school's rows of an intermediate table: not stored twice)
with scored as (select * from intermediate.int_unit_year_scored)

select scored.* exclude (grain, unit_id, rank_among_colleges, brand_project)
from scored
where scored.grain = 'school'
