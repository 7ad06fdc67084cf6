-- one row per branch (党支部) with its college
with units as (select * from staging.stg_org_units)

select
    unit_id as branch_id,
    unit_name as branch_name,
    parent_id as college_id,
    category,
    n_party_groups,
    established_on,
    dissolved_on,
from units
where unit_type = 'branch'
