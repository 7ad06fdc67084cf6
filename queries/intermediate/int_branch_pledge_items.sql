-- one row per branch per month per catalogue item that any of its members has pledged (that year, by the month's
-- end): how many members pledged it, and how many completed it. What the unit figures per item read (pledge_item_month,
-- the year-end outcomes).
-- materialized: table (read by several models: computed once per build)
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
-- Counted from spans, not member by member: each membership paired with each pledge of its member covers a span of
-- months (both at once), so a branch's count of an item changes only where a span starts or ends. Pairing members'
-- months with their pledges instead made 12 million rows on the large tier (once int_member_pledge_items) to count here.
with memberships as (select * from intermediate.int_membership_programmes),
-- A pledge counts within its year only: those of years before the months computed make no span (all in a full build).
terms as (
    select * from intermediate.int_pledge_terms
    where year >= cast(left(coalesce(getvariable('incremental_from_month'), '0'), 4) as integer)
),
-- Only the months an incremental build recomputes (all in a full build): a span that ends before them counts for
-- none, one that starts before them counts from the first.
months as (
    select *, year * 12 + month - 1 as month_index from intermediate.int_months
    where month_id >= coalesce(getvariable('incremental_from_month'), '')
),

bounds as (
    select min(month_index) as first_month_index, max(month_index) as last_month_index from months
),

-- The months a membership and a pledge of its member both cover, within the months computed: pledged from the later
-- start, completed from the later of that and the completion.
spans as (
    select
        memberships.branch_id,
        terms.item,
        greatest(memberships.first_month_index, terms.pledged_from, bounds.first_month_index) as pledged_start,
        -- (greatest() and least() pass over a null: a pledge never completed has no completed span, so it is
        -- excluded by hand; a membership without an end runs to the last month computed)
        case when terms.completed_from is not null
            then greatest(memberships.first_month_index, terms.completed_from, bounds.first_month_index) end as completed_start,
        least(memberships.last_month_index, terms.counts_until, bounds.last_month_index) as span_end,
    from memberships
    join terms on terms.member_id = memberships.member_id and terms.programme = memberships.programme
    cross join bounds
),

-- +1 where a span starts, -1 the month after it ends.
changes as (
    select branch_id, item, pledged_start as month_index, 1 as pledged_change, 0 as completed_change from spans where pledged_start <= span_end
    union all
    select branch_id, item, span_end + 1, -1, 0 from spans where pledged_start <= span_end
    union all
    select branch_id, item, completed_start, 0, 1 from spans where completed_start <= span_end
    union all
    select branch_id, item, span_end + 1, 0, -1 from spans where completed_start <= span_end
),

monthly_changes as (
    select branch_id, item, month_index, sum(pledged_change) as pledged_change, sum(completed_change) as completed_change,
    from changes
    -- (the -1 after a span that runs to the last month computed falls past every month: it is not grouped)
    where month_index <= (select last_month_index from bounds)
    group by branch_id, item, month_index
),

-- Every month of every branch and item that ever changed, the changes summed up to it.
running as (
    select
        months.month_id,
        cells.branch_id,
        cells.item,
        sum(coalesce(monthly_changes.pledged_change, 0)) over by_month as n_members_pledged,
        sum(coalesce(monthly_changes.completed_change, 0)) over by_month as n_members_completed,
    from (select distinct branch_id, item from monthly_changes) as cells
    cross join months
    left join monthly_changes
        on monthly_changes.branch_id = cells.branch_id
        and monthly_changes.item = cells.item
        and monthly_changes.month_index = months.month_index
    window by_month as (partition by cells.branch_id, cells.item order by months.month_index)
),

final as (
    select
        month_id,
        branch_id,
        item,
        cast(n_members_pledged as bigint) as n_members_pledged,
        cast(n_members_completed as bigint) as n_members_completed,
    from running
    where n_members_pledged > 0
)

select * from final
