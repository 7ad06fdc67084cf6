-- one row per branch per organisational-life rule per period (month, quarter or year) that has ended,
-- with how many activities of the rule's type the branch held in it and whether the rule applied. A monthly duty
-- of a break month (寒假, 暑假: catalogues/academic_calendar.csv) does not apply: meetings may move or go online
-- then, so a month without one is no lapse (quarterly and yearly duties still apply to the period as a whole).
-- materialized: table (three models read it: computed once per build)
-- incremental: month_id (the month a period ends: its rows depend only on ledgers of that month and earlier)
with rules as (select * from staging.stg_org_life_rules),
branches as (select * from intermediate.int_branches),
months as (select * from intermediate.int_months),
members as (select * from intermediate.int_branch_members),
types as (select * from staging.stg_activity_types),
calendar as (select * from staging.stg_academic_calendar),

periods as (
    -- A period is identified by its first and last day; it has ended once a month's end reaches its last day.
    select distinct 'month' as period, month_start as period_start, month_end as period_end from months
    union all
    select distinct 'quarter', make_date(year, (quarter - 1) * 3 + 1, 1),
        cast(make_date(year, (quarter - 1) * 3 + 1, 1) + interval 3 month - interval 1 day as date) from months
    union all
    select distinct 'year', make_date(year, 1, 1), make_date(year, 12, 31) from months
),

-- An incremental build recomputes only the periods that end in the months it rebuilds. A period still under way at
-- the last month has no row (no members at its end), so none is paired with its activities (the year's, for a year:
-- a third of this table's time in a one-month build).
rebuilt_periods as (
    select * from periods
    where strftime(period_end, '%Y-%m') >= coalesce(getvariable('incremental_from_month'), '')
        and period_end <= (select max(month_end) from months)
),

size_at_period_end as (
    select periods.period, periods.period_start, members.branch_id, count(*) as n_members
    from rebuilt_periods as periods
    join members on members.month_end = periods.period_end
    -- (said again on the members' side, so that an incremental build pairs only its months' members)
    where members.month_id >= coalesce(getvariable('incremental_from_month'), '')
    group by all
),

held as (
    select types.unit_id as branch_id, types.activity_type, periods.period, periods.period_start, count(*) as n_held
    from types
    join rebuilt_periods as periods on types.held_on between periods.period_start and periods.period_end
    -- (every rebuilt period starts in the first rebuilt month's year or later: a quarter or a year lies in one year)
    where types.held_on >= coalesce(make_date(cast(left(getvariable('incremental_from_month'), 4) as integer), 1, 1), date '0001-01-01')
    group by all
),

final as (
    select
        branches.branch_id,
        rules.rule_id,
        rules.activity_type,
        rules.period,
        periods.period_start,
        periods.period_end,
        strftime(periods.period_end, '%Y-%m') as month_id,
        rules.min_count,
        coalesce(held.n_held, 0) as n_held,
        coalesce(held.n_held, 0) >= rules.min_count as is_met,
        calendar.month_of_year is not null as is_break_month,
        calendar.month_of_year is null and case rules.applies_to
            when 'all_branches' then true
            when 'branches_with_committee' then size.n_members >= 7
            when 'branches_with_party_groups' then branches.n_party_groups > 0
        end as is_applicable,
    from rules
    join rebuilt_periods as periods on periods.period = rules.period
    cross join branches
    -- Only periods in which the branch had members at the end: a branch not yet founded owes nothing.
    join size_at_period_end as size
        on size.branch_id = branches.branch_id and size.period = periods.period and size.period_start = periods.period_start
    left join held
        on held.branch_id = branches.branch_id and held.activity_type = rules.activity_type
        and held.period = periods.period and held.period_start = periods.period_start
    left join calendar on periods.period = 'month' and calendar.month_of_year = month(periods.period_start)
)

select * from final
