-- one row per branch per month
-- The grade is the score's band, except that a branch breaching a rule that caps the grade (a duty visibly missed:
-- meetings not held, members not taking part, pledges behind; catalogues/warning_rules.csv) is graded 一般 at best,
-- so that a grade never reads 较好 beside a warning for a missed duty.
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
with scored as (select * from intermediate.int_unit_month_scored),
branches as (select * from intermediate.int_branches),
checks as (select * from intermediate.int_branch_rule_checks),

caps as (
    select branch_id, month_id, list(rule_id order by rule_id) as grade_capped_by
    from checks
    where is_breached and caps_grade
    group by all
),

final as (
    select
        scored.unit_id as branch_id,
        branches.branch_name,
        scored.* exclude (grain, unit_id, grade),
        scored.grade as score_grade,
        case when caps.grade_capped_by is not null and scored.grade in ('好', '较好') then '一般' else scored.grade end as grade,
        coalesce(caps.grade_capped_by, []) as grade_capped_by,
    from scored
    join branches on branches.branch_id = scored.unit_id
    left join caps on caps.branch_id = scored.unit_id and caps.month_id = scored.month_id
    where scored.grain = 'branch'
)

select * from final
