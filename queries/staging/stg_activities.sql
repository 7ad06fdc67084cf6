-- one row per activity
with activities as (select * from core.activities)

select
    activity_id,
    unit_id,
    held_on,
    activity_types,
    title,
    brand_project,
    participants as n_participants,
    external_audience as n_external_audience,
    partner,
    hours,
from activities
