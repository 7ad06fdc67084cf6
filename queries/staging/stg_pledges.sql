-- one row per member, programme (七一工程/八一工程), year and pledged item
with pledges as (select * from core.pledges)

select
    member_id,
    programme,
    year,
    item,
    pledged_on,
    completed_on,
    review as review_status,
    review = '已审核' as is_reviewed,
    evidence is not null as has_evidence,
from pledges
