-- one row per college per month and one for the school per month: the counts behind the metrics, over the
-- college's own activities and all its branches' (rates are recomputed from them, never averaged from branch rates)
with units as (select * from intermediate.int_units),
months as (select * from intermediate.int_months),
branch_month as (select * from intermediate.int_branch_month),
facts as (select * from intermediate.int_activity_facts),
types as (select * from staging.stg_activity_types),
publicity as (select * from staging.stg_publicity),

-- Every unit rolls up into its college and into the school.
rollups as (
    select unit_id, 'college' as grain, college_id as rollup_id from units where college_id is not null
    union all
    select unit_id, 'school', 'school' from units
),

rollup_months as (
    select distinct rollups.grain, rollups.rollup_id, months.*
    from rollups cross join months
    where rollups.grain = 'school' or rollups.unit_id = rollups.rollup_id
),

from_branches as (
    select
        bm.month_id, r.grain, r.rollup_id,
        sum(bm.n_active_members) as n_active_members,
        sum(bm.n_members_present) as n_members_present,
        sum(bm.n_members_pledged) as n_members_pledged,
        sum(bm.n_items_completed) as n_items_completed,
        sum(bm.n_items_owed) as n_items_owed,
        -- Compliance: the mean over the branches, each weighted equally.
        avg(bm.org_life_compliance) as org_life_compliance,
    from branch_month as bm
    join rollups as r on r.unit_id = bm.unit_id
    group by all
),

activity_month as (
    select
        facts.month_id, r.grain, r.rollup_id,
        count(*) as n_activities,
        sum(facts.reach) as reach,
        sum(facts.n_attendance_records) filter (where facts.is_org_life) as n_org_life_records,
        sum(facts.n_present) filter (where facts.is_org_life) as n_org_life_present,
    from facts
    join rollups as r on r.unit_id = facts.unit_id
    group by all
),

year_to_date as (
    select
        rm.month_id, rm.grain, rm.rollup_id,
        count(distinct types.activity_type) filter (where types.type_group in ('红色文化', '实践服务')) as n_brand_types_held,
    from rollup_months as rm
    join rollups as r on r.grain = rm.grain and r.rollup_id = rm.rollup_id
    join types on types.unit_id = r.unit_id and types.held_on between rm.year_start and rm.month_end
    group by all
),

partners as (
    select rm.month_id, rm.grain, rm.rollup_id, count(distinct facts.partner) as n_partners
    from rollup_months as rm
    join rollups as r on r.grain = rm.grain and r.rollup_id = rm.rollup_id
    join facts on facts.unit_id = r.unit_id and facts.held_on between rm.year_start and rm.month_end
    where nullif(trim(facts.partner), '') is not null
    group by all
),

published as (
    select strftime(publicity.published_on, '%Y-%m') as month_id, r.grain, r.rollup_id,
        count(*) as n_publicity_items, sum(publicity.n_reads) as n_publicity_reads
    from publicity
    join rollups as r on r.unit_id = publicity.unit_id
    group by all
),

final as (
    select
        rm.grain,
        rm.rollup_id as unit_id,
        case rm.grain when 'college' then rm.rollup_id end as college_id,
        cast(null as varchar) as category,
        rm.month_id,
        rm.month_start,
        rm.month_end,
        coalesce(b.n_active_members, 0) as n_active_members,
        coalesce(b.n_members_present, 0) as n_members_present,
        coalesce(a.n_org_life_records, 0) as n_org_life_records,
        coalesce(a.n_org_life_present, 0) as n_org_life_present,
        b.org_life_compliance,
        coalesce(b.n_members_pledged, 0) as n_members_pledged,
        coalesce(b.n_items_completed, 0) as n_items_completed,
        coalesce(b.n_items_owed, 0) as n_items_owed,
        coalesce(y.n_brand_types_held, 0) as n_brand_types_held,
        coalesce(a.n_activities, 0) as n_activities,
        coalesce(a.reach, 0) as reach,
        coalesce(p.n_partners, 0) as n_partners,
        coalesce(pub.n_publicity_items, 0) as n_publicity_items,
        coalesce(pub.n_publicity_reads, 0) as n_publicity_reads,
    from rollup_months as rm
    left join from_branches as b using (month_id, grain, rollup_id)
    left join activity_month as a using (month_id, grain, rollup_id)
    left join year_to_date as y using (month_id, grain, rollup_id)
    left join partners as p using (month_id, grain, rollup_id)
    left join published as pub using (month_id, grain, rollup_id)
)

select * from final
