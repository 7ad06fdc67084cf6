-- one row per load of an activity's record (raw keeps every load, core only the latest): when it reached the warehouse
-- Ledger timeliness is judged on the earliest load of any version of a record.
with raw_activities as (select * from raw.activities)

select
    activity_id,
    _loaded_at as loaded_at,
from raw_activities
