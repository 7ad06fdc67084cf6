-- one row per organisation (党总支 or 党支部)
with org_units as (select * from core.org_units)

select
    unit_id,
    unit_name,
    unit_type,
    parent_id,
    category,
    established_on,
    dissolved_on,
    coalesce(party_groups, 0) as n_party_groups,
from org_units
