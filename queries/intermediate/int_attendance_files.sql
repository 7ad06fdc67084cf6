-- one row per activity per ledger file that loaded attendance records of it: the files that hold its attendance
-- materialized: table (an incremental build reads only the files that hold the attendance of the months it recomputes)
-- incremental: file_id (a file, once loaded, never changes: a build adds the files loaded since the last one)
-- Every load counts, not only the latest version of each record, so that adding files keeps this table equal to
-- one computed whole: a file whose records were all replaced since is still listed, and only costs a read.
with loads as (select * from staging.stg_attendance_loads)

select distinct activity_id, file_id
from loads
