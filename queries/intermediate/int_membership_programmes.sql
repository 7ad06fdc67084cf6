-- one row per membership period (a member in a branch from valid_from up to, not including, valid_to) with the
-- pledge programme it owes, and its months as month indexes (year × 12 + month − 1): from the month it starts to the
-- last month whose last day it covers (null while it has no end)
with memberships as (select * from staging.stg_memberships),
branches as (select * from intermediate.int_branches),
categories as (select * from staging.stg_branch_categories),

final as (
    select
        memberships.*,
        -- A member owes their type's programme unless their branch's category owes none (catalogues/branch_categories.csv).
        case when coalesce(categories.owes_pledges, true) then
            case memberships.member_type when '教工' then '七一工程' when '学生' then '八一工程' end
        end as programme,
        year(memberships.valid_from) * 12 + month(memberships.valid_from) - 1 as first_month_index,
        -- In a month while its last day is before valid_to: valid_to's own month never is.
        year(memberships.valid_to) * 12 + month(memberships.valid_to) - 2 as last_month_index,
    from memberships
    left join branches on branches.branch_id = memberships.branch_id
    left join categories on categories.category = branches.category
)

select * from final
