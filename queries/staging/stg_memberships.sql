-- one row per membership period: a member in a branch from valid_from up to (not including) valid_to
-- Names stay out of every model: evaluators see pseudonymous member ids only.
with memberships as (select * from core.memberships)

select
    member_id,
    branch_id,
    member_type,
    status as member_status,
    valid_from,
    valid_to,
from memberships
