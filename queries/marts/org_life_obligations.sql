-- one row per branch per organisational-life rule per ended period: required, held, met, and the activities that met it
-- incremental: month_id (the month a period ends: its rows depend only on ledgers of that month and earlier)
with periods as (
    select * from intermediate.int_org_life_periods
    where month_id >= coalesce(getvariable('incremental_from_month'), '')
),
-- Only the activities that may fall in the periods (all in a full build).
types as (select * from staging.stg_activity_types where held_on >= (select min(period_start) from periods)),

held as (
    select p.branch_id, p.rule_id, p.period_start, list(t.activity_id order by t.held_on, t.activity_id) as activity_ids
    from periods as p
    join types as t
        on t.unit_id = p.branch_id and t.activity_type = p.activity_type and t.held_on between p.period_start and p.period_end
    group by all
)

select
    p.branch_id,
    p.rule_id,
    p.activity_type,
    p.period,
    p.period_start,
    p.period_end,
    p.month_id,
    p.min_count as n_required,
    p.n_held,
    p.is_met,
    p.is_applicable,
    p.is_break_month,
    coalesce(held.activity_ids, []) as activity_ids,
from periods as p
left join held using (branch_id, rule_id, period_start)
