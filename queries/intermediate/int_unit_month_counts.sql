-- one row per unit (branch, college, school) per month: the counts behind the metrics, over the unit and the units
-- that roll up into it (a college: its own activities and all its branches'; the school: everything)
-- Sums are cast to bigint: DuckDB sums integers as hugeint, which Parquet and most clients do not have.
-- materialized: table (the scores above it rank and compare months: computed once, then read cheaply)
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
with rollups as (select * from intermediate.int_unit_rollups),
branches as (select * from intermediate.int_branches),
-- The months an incremental build recomputes (all in a full build): each figure below is of one month, except the
-- year-to-date counts, which read the year's earlier activities too.
months as (
    select * from intermediate.int_months
    where month_id >= coalesce(getvariable('incremental_from_month'), '')
),
member_month as (select * from intermediate.int_member_month where month_id >= coalesce(getvariable('incremental_from_month'), '')),
branch_compliance as (select * from intermediate.int_branch_compliance where month_id >= coalesce(getvariable('incremental_from_month'), '')),
window_meetings as (select * from intermediate.int_branch_window_meetings where month_id >= coalesce(getvariable('incremental_from_month'), '')),
facts as (select * from intermediate.int_activity_facts),
types as (select * from staging.stg_activity_types),
publicity as (select * from staging.stg_publicity),

unit_months as (
    select units.grain, units.rollup_id, months.*
    from (select distinct grain, rollup_id from rollups) as units
    cross join months
),

membership as (
    select
        mm.month_id, r.grain, r.rollup_id,
        count(*) as n_active_members,
        count(*) filter (where mm.is_present) as n_members_present,
        count(*) filter (where mm.n_items_pledged > 0) as n_members_pledged,
        count(*) filter (where mm.programme is not null) as n_members_owing,
        cast(sum(mm.n_items_completed) as bigint) as n_items_completed,
        cast(sum(mm.n_items_owed) as bigint) as n_items_owed,
        cast(sum(mm.n_items_pledged) as bigint) as n_items_pledged,
        cast(sum(mm.n_items_due) as decimal(38, 12)) as n_items_due,
    from member_month as mm
    join rollups as r on r.unit_id = mm.branch_id
    group by all
),

-- Compliance: the branch's own; for a college or the school the mean over its branches, each weighted equally.
compliance as (
    -- Rounded: a parallel mean of doubles may differ in its last bits from run to run (seen on the large tier: 87 of
    -- 128,161 unit-months), and a build must be repeatable (an incremental build equals a full one).
    select bc.month_id, r.grain, r.rollup_id, round(avg(bc.org_life_compliance), 12) as org_life_compliance
    from branch_compliance as bc
    join rollups as r on r.unit_id = bc.branch_id
    group by all
),

-- Meetings due in the last three teaching months and held on time: counted over every branch of the unit.
recent_meetings as (
    select wm.month_id, r.grain, r.rollup_id,
        cast(sum(wm.n_meetings_required) as bigint) as n_meetings_required_3m,
        cast(sum(wm.n_meetings_met) as bigint) as n_meetings_met_3m,
    from window_meetings as wm
    join rollups as r on r.unit_id = wm.branch_id
    group by all
),

activity_month as (
    select
        facts.month_id, r.grain, r.rollup_id,
        count(*) as n_activities,
        cast(sum(facts.reach) as bigint) as reach,
        cast(sum(facts.n_attendance_records) filter (where facts.is_org_life) as bigint) as n_org_life_records,
        cast(sum(facts.n_present) filter (where facts.is_org_life) as bigint) as n_org_life_present,
    from facts
    join rollups as r on r.unit_id = facts.unit_id
    where facts.month_id >= coalesce(getvariable('incremental_from_month'), '')
    group by all
),

-- Year-to-date distinct counts (brand activity types held, partners): each type or partner counts from the first
-- month it appears in the year, so no month is joined to every earlier activity (a range join that does not scale).
brand_type_firsts as (
    select r.grain, r.rollup_id, year(types.held_on) as year, types.activity_type, min(strftime(types.held_on, '%Y-%m')) as first_month_id
    from types
    join rollups as r on r.unit_id = types.unit_id
    where types.type_group in ('红色文化', '实践服务')
        -- (the years an incremental build recomputes: 'yyyy' <= every 'yyyy-MM' of the year)
        and types.held_on >= coalesce(make_date(cast(left(getvariable('incremental_from_month'), 4) as integer), 1, 1), date '0001-01-01')
    group by all
),

year_to_date as (
    select um.month_id, um.grain, um.rollup_id, count(*) as n_brand_types_held
    from unit_months as um
    join brand_type_firsts as b
        on b.grain = um.grain and b.rollup_id = um.rollup_id and b.year = year(um.month_start) and b.first_month_id <= um.month_id
    group by all
),

partner_firsts as (
    select r.grain, r.rollup_id, year(facts.held_on) as year, trim(facts.partner) as partner, min(facts.month_id) as first_month_id
    from facts
    join rollups as r on r.unit_id = facts.unit_id
    where nullif(trim(facts.partner), '') is not null
        and facts.month_id >= left(coalesce(getvariable('incremental_from_month'), ''), 4)
    group by all
),

partners as (
    select um.month_id, um.grain, um.rollup_id, count(*) as n_partners
    from unit_months as um
    join partner_firsts as p
        on p.grain = um.grain and p.rollup_id = um.rollup_id and p.year = year(um.month_start) and p.first_month_id <= um.month_id
    group by all
),

published as (
    select strftime(publicity.published_on, '%Y-%m') as month_id, r.grain, r.rollup_id,
        count(*) as n_publicity_items, cast(sum(publicity.n_reads) as bigint) as n_publicity_reads
    from publicity
    join rollups as r on r.unit_id = publicity.unit_id
    where publicity.published_on >= coalesce(cast(strptime(getvariable('incremental_from_month'), '%Y-%m') as date), date '0001-01-01')
    group by all
),

final as (
    select
        um.grain,
        um.rollup_id as unit_id,
        case um.grain when 'branch' then branches.college_id when 'college' then um.rollup_id end as college_id,
        branches.category,
        um.month_id,
        um.month_start,
        um.month_end,
        coalesce(m.n_active_members, 0) as n_active_members,
        coalesce(m.n_members_present, 0) as n_members_present,
        coalesce(a.n_org_life_records, 0) as n_org_life_records,
        coalesce(a.n_org_life_present, 0) as n_org_life_present,
        c.org_life_compliance,
        coalesce(rm.n_meetings_required_3m, 0) as n_meetings_required_3m,
        coalesce(rm.n_meetings_met_3m, 0) as n_meetings_met_3m,
        coalesce(m.n_members_pledged, 0) as n_members_pledged,
        coalesce(m.n_members_owing, 0) as n_members_owing,
        coalesce(m.n_items_completed, 0) as n_items_completed,
        coalesce(m.n_items_owed, 0) as n_items_owed,
        coalesce(m.n_items_pledged, 0) as n_items_pledged,
        coalesce(m.n_items_due, 0) as n_items_due,
        coalesce(y.n_brand_types_held, 0) as n_brand_types_held,
        coalesce(a.n_activities, 0) as n_activities,
        coalesce(a.reach, 0) as reach,
        coalesce(p.n_partners, 0) as n_partners,
        coalesce(pub.n_publicity_items, 0) as n_publicity_items,
        coalesce(pub.n_publicity_reads, 0) as n_publicity_reads,
    from unit_months as um
    -- (keyed on the grain as well: a condition on the left side alone made the planner loop over every pair)
    left join (select 'branch' as branch_grain, * from branches) as branches
        on branches.branch_grain = um.grain and branches.branch_id = um.rollup_id
    left join membership as m using (month_id, grain, rollup_id)
    left join compliance as c using (month_id, grain, rollup_id)
    left join recent_meetings as rm using (month_id, grain, rollup_id)
    left join activity_month as a using (month_id, grain, rollup_id)
    left join year_to_date as y using (month_id, grain, rollup_id)
    left join partners as p using (month_id, grain, rollup_id)
    left join published as pub using (month_id, grain, rollup_id)
)

select * from final
