-- The 三会一课 of one branch (B0101) in the latest month: which meetings it owed, held on which days, with how many present.
select o.rule_id, o.activity_type, o.period, o.period_start, o.n_required, o.n_held, o.is_met,
    a.held_on, a.title, a.n_present_records, a.n_leave_records, a.n_absent_records
from marts.org_life_obligations as o
left join marts.activity_facts as a on list_contains(o.activity_ids, a.activity_id)
where o.branch_id = 'B0101' and o.is_applicable
    and o.month_id = (select max(month_id) from marts.org_life_obligations)
order by o.period, o.activity_type, a.held_on
