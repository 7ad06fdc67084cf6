-- one row per member, programme and year with a pledge: the months of that year (as offsets, 0 = January) in which
-- each of the member's items counts as pledged, completed and wholly due, so that a member's month counts its figures
-- from four short lists instead of listing its items (the terms of int_pledge_terms).
-- What a member owes in all is their programme's whole catalogue (staging.stg_pledge_items): counted from
-- membership, never by listing unpledged items.
-- Replaces pairing each member-month with each of its items (12 million rows grouped into 6 million on the large tier).
-- materialized: table (grouping a year's pledges into lists was half of int_member_month's time in an incremental build; stored, a build that brings no pledges leaves it as it is)
-- incremental: year (a year's rows depend only on the pledges of that year)
with terms as (
    select * from intermediate.int_pledge_terms
    where year >= cast(left(coalesce(getvariable('incremental_from_month'), '0'), 4) as integer)
),

-- Each pledge's months as offsets in its year (0 = January); an offset past 11 falls after the year. An item with a
-- due month is wholly due from that month on (due); any other pro rata over the programme year (pro_rata: the months
-- from which it counts). Each list sorted, so that a table built whole and one built year by year are equal; sorted
-- after grouping, as an ordered aggregate took ten times as long (4.2 s against 0.4 s on the large tier).
offsets as (
    select
        member_id,
        programme,
        year,
        list_sort(list(pledged_from - year * 12)) as pledged,
        coalesce(list_sort(list(completed_from - year * 12) filter (where completed_from is not null)), []) as completed,
        coalesce(list_sort(list(due_from - year * 12) filter (where not is_pro_rata)), []) as due,
        coalesce(list_sort(list(pledged_from - year * 12) filter (where is_pro_rata)), []) as pro_rata,
    from terms
    group by all
)

-- In year order: a month's build reads its year only, and the years' rows then fall in separate row groups.
select * from offsets order by year
