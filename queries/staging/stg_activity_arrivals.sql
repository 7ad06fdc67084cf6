-- one row per activity: when its record first reached the warehouse (the earliest load of any version of it)
-- Ledger timeliness is judged on this: raw keeps every load, core only the latest.
with raw_activities as (select * from raw.activities)

select activity_id, min(_loaded_at) as first_loaded_at
from raw_activities
group by activity_id
