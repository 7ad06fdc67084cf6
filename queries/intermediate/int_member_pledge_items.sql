-- one row per member per month per catalogue item the member has pledged (that year, by the month's end), and
-- whether it is completed and reviewed by the month's end, and how much of it is due by then (the terms of
-- int_pledge_terms, month by month). Items not pledged have no row: what a member owes is their programme's whole
-- catalogue (staging.stg_pledge_items), so owing is counted from membership, never by listing every unpledged item.
-- A view: int_member_month keeps only its counts per member and filters it to the months it rebuilds; written as a
-- table it was 12 million rows (10-16 s of a full build of the large tier). Per branch and item the same counts come
-- from spans of months (int_branch_pledge_items), without these rows.
with members as (select * from intermediate.int_branch_members),
months as (select * from intermediate.int_months),
terms as (select * from intermediate.int_pledge_terms),
scoring as (select * from staging.stg_scoring_parameters),

final as (
    select
        members.month_id,
        members.branch_id,
        members.member_id,
        terms.programme,
        terms.item,
        coalesce(month_index >= terms.completed_from, false) as is_completed,
        -- Due by the month's end: an item with a due month is wholly due from that month on; any other is due pro
        -- rata over the programme year, from nothing in the month pledges are made (March) to all in December.
        -- A decimal, so that sums of it are exact whatever order a parallel sum takes (an incremental build equals a full one).
        cast(case
            when not terms.is_pro_rata then case when month_index >= terms.due_from then 1.0 else 0.0 end
            else greatest(0.0, least(1.0, (months.month - scoring.pledge_year_start_month) / (12.0 - scoring.pledge_year_start_month)))
        end as decimal(18, 12)) as due_share,
    from members
    join (select *, year * 12 + month - 1 as month_index from months) as months using (month_id)
    cross join scoring
    -- The pledge key is (member, programme, year, item): at most one row per member, month and item.
    join terms
        on terms.member_id = members.member_id
        and terms.programme = members.programme
        and terms.year = months.year
    where terms.pledged_from <= month_index
)

select * from final
