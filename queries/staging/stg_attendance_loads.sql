-- one row per attendance record per ledger file that loaded a version of it (raw keeps every load, core the latest)
with raw_attendance as (select * from raw.attendance)

select
    activity_id,
    member_id,
    _file_id as file_id,
from raw_attendance
