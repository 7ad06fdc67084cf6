-- one row per branch per month per member who belongs to the branch on the month's last day
-- (valid_from <= end of month < valid_to; valid_to is the first day no longer in the branch)
with months as (select * from intermediate.int_months),
-- Each membership with what it owes, once per membership before it is paired with its months: joined after, the
-- planner built a hash table of every member-month (6.1 million rows on the large tier) to look up 2,000 branches.
owing as materialized (select * from intermediate.int_membership_programmes),

final as (
    select
        months.month_id,
        months.month_end,
        owing.branch_id,
        owing.member_id,
        owing.member_type,
        owing.programme,
    from months
    join owing
        on owing.valid_from <= months.month_end
        and (owing.valid_to is null or months.month_end < owing.valid_to)
)

select * from final
