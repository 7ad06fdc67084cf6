-- one row per branch per month: the counts behind the metrics (rates and scores come in int_unit_month_scored)
with branches as (select * from intermediate.int_branches),
months as (select * from intermediate.int_months),
member_month as (select * from intermediate.int_member_month),
facts as (select * from intermediate.int_activity_facts),
org_life_periods as (select * from intermediate.int_org_life_periods),
types as (select * from staging.stg_activity_types),
publicity as (select * from staging.stg_publicity),

branch_months as (
    select branches.branch_id, branches.college_id, branches.category, months.*
    from branches cross join months
),

membership as (
    select
        month_id,
        branch_id,
        count(*) as n_active_members,
        count(*) filter (where is_present) as n_members_present,
        count(*) filter (where n_items_pledged > 0) as n_members_pledged,
        sum(n_items_completed) as n_items_completed,
        sum(n_items_owed) as n_items_owed,
    from member_month
    group by all
),

org_life_attendance as (
    select month_id, unit_id as branch_id, sum(n_attendance_records) as n_org_life_records, sum(n_present) as n_org_life_present
    from facts
    where is_org_life
    group by all
),

-- Per rule: of the periods of the year that have ended by the month's end, the share in which the branch met it.
rule_compliance as (
    select
        bm.month_id,
        bm.branch_id,
        p.rule_id,
        avg(case when p.is_met then 1.0 else 0.0 end) as met_share,
    from branch_months as bm
    join org_life_periods as p
        on p.branch_id = bm.branch_id
        and p.period_start >= bm.year_start
        and p.period_end <= bm.month_end
        and p.is_applicable
    group by all
),

compliance as (
    select month_id, branch_id, avg(met_share) as org_life_compliance
    from rule_compliance
    group by all
),

coverage as (
    select bm.month_id, bm.branch_id, count(distinct types.activity_type) as n_brand_types_held
    from branch_months as bm
    join types
        on types.unit_id = bm.branch_id
        and types.held_on between bm.year_start and bm.month_end
        and types.type_group in ('红色文化', '实践服务')
    group by all
),

reach as (
    select month_id, unit_id as branch_id, sum(reach) as reach, count(*) as n_activities
    from facts
    group by all
),

partners as (
    select bm.month_id, bm.branch_id, count(distinct facts.partner) as n_partners
    from branch_months as bm
    join facts
        on facts.unit_id = bm.branch_id
        and facts.held_on between bm.year_start and bm.month_end
        and nullif(trim(facts.partner), '') is not null
    group by all
),

published as (
    select strftime(published_on, '%Y-%m') as month_id, unit_id as branch_id, count(*) as n_publicity_items, sum(n_reads) as n_publicity_reads
    from publicity
    group by all
),

final as (
    select
        'branch' as grain,
        bm.branch_id as unit_id,
        bm.college_id,
        bm.category,
        bm.month_id,
        bm.month_start,
        bm.month_end,
        coalesce(membership.n_active_members, 0) as n_active_members,
        coalesce(membership.n_members_present, 0) as n_members_present,
        coalesce(org_life_attendance.n_org_life_records, 0) as n_org_life_records,
        coalesce(org_life_attendance.n_org_life_present, 0) as n_org_life_present,
        compliance.org_life_compliance,
        coalesce(membership.n_members_pledged, 0) as n_members_pledged,
        coalesce(membership.n_items_completed, 0) as n_items_completed,
        coalesce(membership.n_items_owed, 0) as n_items_owed,
        coalesce(coverage.n_brand_types_held, 0) as n_brand_types_held,
        coalesce(reach.n_activities, 0) as n_activities,
        coalesce(reach.reach, 0) as reach,
        coalesce(partners.n_partners, 0) as n_partners,
        coalesce(published.n_publicity_items, 0) as n_publicity_items,
        coalesce(published.n_publicity_reads, 0) as n_publicity_reads,
    from branch_months as bm
    left join membership using (month_id, branch_id)
    left join org_life_attendance using (month_id, branch_id)
    left join compliance using (month_id, branch_id)
    left join coverage using (month_id, branch_id)
    left join reach using (month_id, branch_id)
    left join partners using (month_id, branch_id)
    left join published using (month_id, branch_id)
)

select * from final
