-- one row per member per month in which they belong to a branch on the month's last day
-- Members appear under a pseudonymous key only (intermediate.int_member_keys): no name, no ledger number.
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
-- materialized: view (the intermediate member-months under their members' keys, with the college: stored, it was the same 6 million rows a second time, and the largest write of an incremental build)
with member_month as (select * from intermediate.int_member_month),
keys as (select * from intermediate.int_member_keys),
branches as (select * from intermediate.int_branches)

select
    keys.member_key,
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
join keys using (member_id)
