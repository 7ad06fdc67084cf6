-- one row per branch per month per member who belongs to the branch on the month's last day
-- (valid_from <= end of month < valid_to; valid_to is the first day no longer in the branch)
with memberships as (select * from staging.stg_memberships),
months as (select * from intermediate.int_months),
branches as (select * from intermediate.int_branches),
categories as (select * from staging.stg_branch_categories),

final as (
    select
        months.month_id,
        months.month_end,
        memberships.branch_id,
        memberships.member_id,
        memberships.member_type,
        -- A member owes their type's programme unless their branch's category owes none (catalogues/branch_categories.csv).
        case when coalesce(categories.owes_pledges, true) then
            case memberships.member_type when '教工' then '七一工程' when '学生' then '八一工程' end
        end as programme,
    from months
    join memberships
        on memberships.valid_from <= months.month_end
        and (memberships.valid_to is null or months.month_end < memberships.valid_to)
    left join branches on branches.branch_id = memberships.branch_id
    left join categories on categories.category = branches.category
)

select * from final
