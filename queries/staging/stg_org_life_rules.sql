-- one row per organisational-life rule of the catalogue (which type, how often, for which branches)
with rules as (select * from core.org_life_rules)

select rule_id, activity_type, period, min_count, applies_to, source from rules
