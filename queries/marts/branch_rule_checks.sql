-- one row per branch per month per early-warning rule: its figure over the last three teaching months against the rule's line
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
-- materialized: view (the intermediate table's rows as they are: not stored twice)
with checks as (select * from intermediate.int_branch_rule_checks)

select * from checks
