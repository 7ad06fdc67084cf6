-- one row per member per month in which they belong to a branch on the month's last day
-- Members appear under a pseudonymous key only: no name, no ledger number. The key is derived with the installation's
-- secret (a session variable set by the build, never in this text or a table), so the roster cannot reverse it.
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
with member_month as (select * from intermediate.int_member_month where month_id >= coalesce(getvariable('incremental_from_month'), '')),
branches as (select * from intermediate.int_branches),

-- Once per member, not per member-month: a member is in about sixty months.
pseudonyms as (
    select
        member_id,
        substr(sha256(coalesce(getvariable('pseudonym_secret'), error('the pseudonym secret is not set: models are built by analytics model'))
            || ':' || member_id), 1, 16) as member_key,
    from (select distinct member_id from member_month)
)

select
    pseudonyms.member_key,
    member_month.month_id,
    member_month.branch_id,
    branches.college_id,
    member_month.member_type,
    member_month.programme,
    member_month.n_activities_present,
    member_month.is_present,
    member_month.n_items_pledged,
    member_month.n_items_completed as n_items_completed_member,
from member_month
join branches using (branch_id)
join pseudonyms using (member_id)
