-- one row per organisation with the college it belongs to (a college belongs to itself)
with units as (select * from staging.stg_org_units)

select
    unit_id,
    unit_type,
    case unit_type when 'college' then unit_id else parent_id end as college_id,
    category,
from units
