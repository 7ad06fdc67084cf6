-- one row per college per year: the year-end brand assessment of its 一院一品 sub-brand on the plan's four dimensions
-- incremental: year (a year's rows depend only on the ledgers of that year to date)
with scored as (select * from intermediate.int_unit_year_scored),
units as (select * from staging.stg_org_units),
facts as (select * from intermediate.int_activity_facts where month_id >= left(coalesce(getvariable('incremental_from_month'), ''), 4)),

-- The college's sub-brand: the brand project most of its activities carried that year.
brands as (
    select college_id, left(month_id, 4) as year, mode(brand_project order by brand_project) as brand_project
    from facts
    where nullif(trim(brand_project), '') is not null
    group by all
)

select
    scored.unit_id as college_id,
    units.unit_name as college_name,
    brands.brand_project,
    scored.* exclude (grain, unit_id),
from scored
join units on units.unit_id = scored.unit_id
left join brands on brands.college_id = scored.unit_id and brands.year = scored.year
where scored.grain = 'college'
