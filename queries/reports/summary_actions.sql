-- 综述 and 整改建议: the warning topics of the branches flagged in the month (:unit 'school' for all), the branches
-- each concerns and the 整改措施 the catalogue gives for it, most branches first
with flags as (
    select branch_id, branch_name, college_id, unnest(reason_topics) as topic
    from marts.branch_flags
    where month_id = :month and is_flagged and (:unit = 'school' or college_id = :unit)
),

measures as (select * from marts.remediation_measures)

select flags.topic, measures.measure, measures.days, count(distinct flags.branch_id) as n_branches,
    list(distinct flags.branch_name order by flags.branch_name) as branch_names
from flags
join measures using (topic)
group by all
order by n_branches desc, flags.topic
