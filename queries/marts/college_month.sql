-- one row per college per month
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
-- materialized: view (the colleges' rows of an intermediate table with their names: not stored twice)
with scored as (select * from intermediate.int_unit_month_scored),
units as (select * from staging.stg_org_units)

select
    scored.unit_id as college_id,
    units.unit_name as college_name,
    scored.* exclude (grain, unit_id, college_id, category),
from scored
join units on units.unit_id = scored.unit_id
where scored.grain = 'college'
