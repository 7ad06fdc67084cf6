-- one row per member ever loaded: the pseudonymous key under which the marts show the member, never the member number
-- materialized: table (marts.member_month, a view, reads each member's key here: 100,000 keys made and stored once, where a key on each of the 6.1 million member-months cost a full build 4-5 s and 0.7-0.9 GB at its peak)
-- incremental: file_id (a member's key never changes: a build adds the members whose first record came since the last one)
-- The key is derived with the installation's secret (a session variable set by the build, never in this text or a
-- table), so the roster cannot reverse it. This table stays in the warehouse: the snapshot and the exports copy marts only.
with loads as (select * from staging.stg_member_loads),

-- The file of the first version of the member's record: a later version must not bring the member again.
first_loads as (
    select member_id, min(file_id) as file_id from loads group by member_id
)

select
    member_id,
    file_id,
    substr(sha256(coalesce(getvariable('pseudonym_secret'), error('the pseudonym secret is not set: models are built by analytics model'))
        || ':' || member_id), 1, 16) as member_key,
from first_loads
