-- one row per college per year: the year-end brand assessment of its 一院一品 sub-brand on the plan's four dimensions
-- incremental: year (a year's rows depend only on the ledgers of that year to date)
-- materialized: view (the colleges' rows of an intermediate table with their names: not stored twice)
with scored as (select * from intermediate.int_unit_year_scored),
units as (select * from staging.stg_org_units)

select
    scored.unit_id as college_id,
    units.unit_name as college_name,
    scored.brand_project,
    scored.* exclude (grain, unit_id, brand_project),
from scored
join units on units.unit_id = scored.unit_id
where scored.grain = 'college'
