-- one row per load of a member's record (raw keeps every load, core only the latest): the file that brought it
with raw_members as (select * from raw.members)

select
    member_id,
    _file_id as file_id,
from raw_members
