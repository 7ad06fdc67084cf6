-- one row per branch per month: the base metrics (counts and rates) before scoring
with branches as (select * from intermediate.int_branches),
months as (select * from intermediate.int_months),
members as (select * from intermediate.int_branch_members),
presence as (select * from intermediate.int_member_presence),
facts as (select * from intermediate.int_activity_facts),
org_life_periods as (select * from intermediate.int_org_life_periods),
pledges as (select * from staging.stg_pledges),
pledge_items as (select * from staging.stg_pledge_items),
types as (select * from staging.stg_activity_types),
type_catalogue as (select * from staging.stg_activity_type_catalogue),
publicity as (select * from staging.stg_publicity),

branch_months as (
    select branches.branch_id, branches.college_id, branches.category, months.*
    from branches cross join months
),

membership as (
    select
        members.month_id,
        members.branch_id,
        count(*) as n_active_members,
        count(presence.member_id) as n_members_present,
    from members
    left join presence using (month_id, member_id)
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

pledge_progress as (
    select
        members.month_id,
        members.branch_id,
        -- A pledge counts from the day it was made: a month's figure never changes when later pledges arrive.
        -- (Kept out of the join condition: an OR there costs a nested-loop join.)
        count(distinct pledges.member_id) filter (where pledges.pledged_on is null or pledges.pledged_on <= members.month_end) as n_members_pledged,
        count(pledges.item) filter (
            where (pledges.pledged_on is null or pledges.pledged_on <= members.month_end)
            and pledges.completed_on <= members.month_end and pledges.is_reviewed) as n_items_completed,
    from members
    join months using (month_id)
    left join pledges
        on pledges.member_id = members.member_id
        and pledges.programme = members.programme
        and pledges.year = months.year
    group by all
),

items_owed as (
    -- Each active member owes every item of their programme's catalogue.
    select members.month_id, members.branch_id, count(*) as n_items_owed
    from members
    join pledge_items on pledge_items.programme = members.programme
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

n_brand_types as (
    select count(*) as n from type_catalogue where type_group in ('红色文化', '实践服务')
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
        membership.n_members_present / nullif(membership.n_active_members, 0) as participation_rate,
        coalesce(org_life_attendance.n_org_life_records, 0) as n_org_life_records,
        coalesce(org_life_attendance.n_org_life_present, 0) as n_org_life_present,
        org_life_attendance.n_org_life_present / nullif(org_life_attendance.n_org_life_records, 0) as attendance_rate,
        compliance.org_life_compliance,
        coalesce(pledge_progress.n_members_pledged, 0) as n_members_pledged,
        pledge_progress.n_members_pledged / nullif(membership.n_active_members, 0) as pledge_coverage,
        coalesce(pledge_progress.n_items_completed, 0) as n_items_completed,
        coalesce(items_owed.n_items_owed, 0) as n_items_owed,
        pledge_progress.n_items_completed / nullif(items_owed.n_items_owed, 0) as pledge_completion,
        coalesce(coverage.n_brand_types_held, 0) as n_brand_types_held,
        coalesce(coverage.n_brand_types_held, 0) / (select n from n_brand_types) as activity_coverage,
        coalesce(reach.n_activities, 0) as n_activities,
        coalesce(reach.reach, 0) as reach,
        coalesce(partners.n_partners, 0) as n_partners,
        coalesce(published.n_publicity_items, 0) as n_publicity_items,
        coalesce(published.n_publicity_reads, 0) as n_publicity_reads,
    from branch_months as bm
    left join membership using (month_id, branch_id)
    left join org_life_attendance using (month_id, branch_id)
    left join compliance using (month_id, branch_id)
    left join pledge_progress using (month_id, branch_id)
    left join items_owed using (month_id, branch_id)
    left join coverage using (month_id, branch_id)
    left join reach using (month_id, branch_id)
    left join partners using (month_id, branch_id)
    left join published using (month_id, branch_id)
)

select * from final
