-- one row per member per month per catalogue item the member has pledged (that year, by the month's end), and
-- whether it is completed and reviewed by the month's end, and how much of it is due by then. The one definition of
-- "pledged", "completed" and "due" every pledge figure uses. Items not pledged have no row: what a member owes is their programme's whole catalogue
-- (staging.stg_pledge_items), so owing is counted from membership, never by listing every unpledged item. The item's
-- text is the catalogue's, not repeated on each of these millions of rows.
-- materialized: table (read by several models: computed once per build)
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
with members as (select * from intermediate.int_branch_members where month_id >= coalesce(getvariable('incremental_from_month'), '')),
months as (select * from intermediate.int_months),
pledges as (select * from staging.stg_pledges),
items as (select * from staging.stg_pledge_items),
scoring as (select * from staging.stg_scoring_parameters),
-- Each pledge with its catalogue item first (as many rows as pledges): joined to members after, the planner would
-- otherwise pair every member-month with every item of the programme (42.7 million rows on the large tier, 47 s)
-- before finding the pledges among them.
pledged_items as materialized (
    select pledges.*, items.due_month_of_year
    from pledges
    join items on items.programme = pledges.programme and items.item = pledges.item
),

final as (
    select
        members.month_id,
        members.branch_id,
        members.member_id,
        pledges.programme,
        pledges.item,
        coalesce(pledges.completed_on <= members.month_end and pledges.is_reviewed, false) as is_completed,
        -- Due by the month's end: an item with a due month (catalogue) is wholly due from that month on; any other is
        -- due pro rata over the programme year, from nothing in the month pledges are made (March) to all in December.
        -- A decimal, so that sums of it are exact whatever order a parallel sum takes (an incremental build equals a full one).
        cast(case
            when pledges.due_month_of_year is not null then case when months.month >= pledges.due_month_of_year then 1.0 else 0.0 end
            else greatest(0.0, least(1.0, (months.month - scoring.pledge_year_start_month) / (12.0 - scoring.pledge_year_start_month)))
        end as decimal(18, 12)) as due_share,
    from members
    join months using (month_id)
    cross join scoring
    -- The pledge key is (member, programme, year, item): at most one row per member, month and item.
    join pledged_items as pledges
        on pledges.member_id = members.member_id
        and pledges.programme = members.programme
        and pledges.year = months.year
    -- A pledge counts from the day it was made: a month's figure never changes when later pledges arrive.
    where pledges.pledged_on is null or pledges.pledged_on <= members.month_end
)

select * from final
