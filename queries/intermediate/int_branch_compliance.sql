-- one row per branch per month with an org-life rule that applied in a period of the year ended by the month's end:
-- per rule, the share of those periods in which the branch met it; compliance is the mean over the rules
with branches as (select * from intermediate.int_branches),
months as (select * from intermediate.int_months),
periods as (select * from intermediate.int_org_life_periods),

rule_compliance as (
    select
        months.month_id,
        branches.branch_id,
        periods.rule_id,
        avg(case when periods.is_met then 1.0 else 0.0 end) as met_share,
    from branches
    cross join months
    join periods
        on periods.branch_id = branches.branch_id
        and periods.period_start >= months.year_start
        and periods.period_end <= months.month_end
        and periods.is_applicable
    group by all
),

final as (
    -- Rounded: a parallel mean of doubles may differ in its last bits from run to run (a build must be repeatable).
    select month_id, branch_id, round(avg(met_share), 12) as org_life_compliance
    from rule_compliance
    group by all
)

select * from final
