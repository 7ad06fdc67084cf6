-- one row per pledge of a catalogue item (member, programme, year, item): the months in which it counts as pledged,
-- completed and wholly due. The one definition of "pledged", "completed" and "due" every pledge figure uses, as
-- month indexes (year × 12 + month − 1) so that a figure for a month is a comparison, and a span of months two numbers.
-- A pledge counts from the month it was made (a month's figure never changes when later pledges arrive) to December
-- of its year; it is completed from the month its completion is dated, once reviewed; an item with a due month
-- (catalogue) is wholly due from that month, any other pro rata over the programme year (int_member_pledge_years).
-- materialized: table (two models read a year of it: the ledger's pledges are in no order of year, so every build that read them scanned all; stored in year order and kept by a build that brings no pledges)
-- incremental: year (a pledge counts within its year only)
with pledges as (
    select * from staging.stg_pledges
    where year >= cast(left(coalesce(getvariable('incremental_from_month'), '0'), 4) as integer)
),
items as (select * from staging.stg_pledge_items),

dated as (
    select
        pledges.member_id,
        pledges.programme,
        pledges.year,
        pledges.item,
        pledges.is_reviewed,
        items.due_month_of_year,
        -- A pledge without a date counts from the start of its year.
        coalesce(year(pledges.pledged_on) * 12 + month(pledges.pledged_on) - 1, 0) as pledged_month_index,
        year(pledges.completed_on) * 12 + month(pledges.completed_on) - 1 as completed_month_index,
    from pledges
    join items on items.programme = pledges.programme and items.item = pledges.item
),

final as (
    select
        member_id,
        programme,
        year,
        item,
        due_month_of_year is null as is_pro_rata,
        greatest(year * 12, pledged_month_index) as pledged_from,
        case when is_reviewed and completed_month_index is not null
            then greatest(year * 12, pledged_month_index, completed_month_index) end as completed_from,
        case when due_month_of_year is not null
            then greatest(year * 12 + due_month_of_year - 1, pledged_month_index) end as due_from,
        year * 12 + 11 as counts_until,
    from dated
)

-- A pledge made after its year never counts. In year order: a build reads the years it computes only.
select * from final where pledged_from <= counts_until order by year
