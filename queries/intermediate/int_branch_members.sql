-- one row per branch per month per member who belongs to the branch on the month's last day
-- (valid_from <= end of month < valid_to; valid_to is the first day no longer in the branch)
with memberships as (select * from staging.stg_memberships),
months as (select * from intermediate.int_months),

final as (
    select
        months.month_id,
        months.month_end,
        memberships.branch_id,
        memberships.member_id,
        memberships.member_type,
        case memberships.member_type when '教工' then '七一工程' when '学生' then '八一工程' end as programme,
    from months
    join memberships
        on memberships.valid_from <= months.month_end
        and (memberships.valid_to is null or months.month_end < memberships.valid_to)
)

select * from final
