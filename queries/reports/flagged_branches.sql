-- 预警支部: branches the early warning flags in the month, by which layer, for how many months in a row, and why
-- (:unit 'school' for all)
with flags as (select * from marts.branch_flags where month_id <= :month),

runs as (
    -- Months in a row under warning up to :month: the flagged months since the last month without a flag.
    select branch_id, count(*) as months_flagged
    from flags
    where is_flagged and month_id > coalesce((
        select max(month_id) from flags as clear where clear.branch_id = flags.branch_id and not clear.is_flagged and not clear.is_break_month
    ), '')
    group by all
)

select f.branch_id, f.branch_name, f.college_id, f.layers, f.rule_flagged, f.model_flagged, runs.months_flagged, f.reasons
from flags as f
join runs using (branch_id)
where f.month_id = :month and f.is_flagged and (:unit = 'school' or f.college_id = :unit)
order by runs.months_flagged desc, len(f.rule_ids) desc, f.branch_id
