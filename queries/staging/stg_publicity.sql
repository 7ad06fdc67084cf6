-- one row per published item
with publicity as (select * from core.publicity)

select
    item_id,
    unit_id,
    published_on,
    channel,
    coalesce(reads, 0) as n_reads,
    coalesce(likes, 0) as n_likes,
from publicity
