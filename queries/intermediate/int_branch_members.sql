-- one row per branch per month per member who belongs to the branch on the month's last day
-- (valid_from <= end of month < valid_to; valid_to is the first day no longer in the branch)
with memberships as (select * from staging.stg_memberships),
months as (select * from intermediate.int_months),
branches as (select * from intermediate.int_branches),
categories as (select * from staging.stg_branch_categories),

-- Each membership with what it owes, once per membership before it is paired with its months: joined after, the
-- planner built a hash table of every member-month (6.1 million rows on the large tier) to look up 2,000 branches.
owing as materialized (
    select
        memberships.*,
        -- A member owes their type's programme unless their branch's category owes none (catalogues/branch_categories.csv).
        case when coalesce(categories.owes_pledges, true) then
            case memberships.member_type when '教工' then '七一工程' when '学生' then '八一工程' end
        end as programme,
    from memberships
    left join branches on branches.branch_id = memberships.branch_id
    left join categories on categories.category = branches.category
),

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
