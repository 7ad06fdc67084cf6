-- one row per member, programme and year with a pledge: how many catalogue items the member had pledged, completed
-- and owed by the end of each month of that year, as twelve running figures (January first), so that a member's
-- month reads its figures by the month's number instead of listing its items (the terms of int_pledge_terms).
-- Owed by a month's end: an item with a due month wholly from that month on; any other pro rata over the programme
-- year, from nothing in the month pledges are made (March) to all in December. What a member owes in all is their
-- programme's whole catalogue (staging.stg_pledge_items): counted from membership, never by listing unpledged items.
-- Replaces pairing each member-month with each of its items (12 million rows grouped into 6 million on the large tier).
with terms as (select * from intermediate.int_pledge_terms),
scoring as (select * from staging.stg_scoring_parameters),

-- Each pledge's months as offsets in its year (0 = January); an offset past 11 falls after the year.
offsets as (
    select
        member_id,
        programme,
        year,
        list(pledged_from - year * 12) as pledged,
        coalesce(list(completed_from - year * 12) filter (where completed_from is not null), []) as completed,
        coalesce(list(due_from - year * 12) filter (where not is_pro_rata), []) as due,
        coalesce(list(pledged_from - year * 12) filter (where is_pro_rata), []) as pro_rata,
    from terms
    group by all
),

final as (
    select
        offsets.member_id,
        offsets.programme,
        offsets.year,
        list_transform(range(12), m -> len(list_filter(pledged, x -> x <= m))) as n_items_pledged,
        list_transform(range(12), m -> len(list_filter(completed, x -> x <= m))) as n_items_completed,
        -- A decimal, so that sums of it are exact whatever order a parallel sum takes (an incremental build equals a full one).
        list_transform(range(12), m ->
            cast(len(list_filter(due, x -> x <= m)) as decimal(18, 0))
            + len(list_filter(pro_rata, x -> x <= m))
              * cast(greatest(0.0, least(1.0, (m + 1 - scoring.pledge_year_start_month) / (12.0 - scoring.pledge_year_start_month))) as decimal(18, 12))
        ) as n_items_due,
    from offsets
    cross join scoring
)

select * from final
