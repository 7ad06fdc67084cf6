-- one row per activity per member recorded (出席, 请假 or 缺席)
with attendance as (select * from core.attendance)

select
    activity_id,
    member_id,
    status as attendance_status,
    status = '出席' as is_present,
    -- The ledger file the record's current version came from: incremental builds read only some files.
    _file_id as file_id,
from attendance
