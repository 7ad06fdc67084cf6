-- one row per early-warning rule of the catalogue: the figure, its line and the branches it applies to
with rules as (select * from core.warning_rules)

select rule_id, label, line, breach, min_concerned, from_month_of_year, categories, topic, reasoning, caps_grade from rules
