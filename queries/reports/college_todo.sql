-- 待办事项 of a college's report: per branch in :month, the 三会一课 meetings due in the last three teaching months
-- that were not held, the members who attended nothing in those months (to talk to: counts, never names), and the
-- members who owe a 七一/八一 pledge and have made none (once pledges are judged); :unit is a college id
with branches as (select * from marts.branch_month where month_id = :month and college_id = :unit and n_active_members > 0),
checks as (select * from marts.branch_rule_checks where month_id = :month),

absent as (
    select branch_id, n_concerned as n_members_absent from checks where rule_id = 'members_absent'
)

select
    b.branch_id,
    b.branch_name,
    b.n_meetings_required_3m - b.n_meetings_met_3m as n_meetings_missed,
    coalesce(a.n_members_absent, 0) as n_members_absent,
    case when b.pledge_progress is not null then b.n_members_owing - b.n_members_pledged end as n_members_unpledged,
    b.grade,
from branches as b
left join absent as a using (branch_id)
order by n_meetings_missed desc, n_members_absent desc, b.branch_id
