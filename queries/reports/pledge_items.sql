-- 七一/八一工程进展: each pledge item's coverage and completion for the unit in the month
select programme, item, item_text, n_members_owing, n_members_pledged, n_members_completed, pledge_rate, completion_rate
from marts.pledge_item_month
where grain = case when :unit = 'school' then 'school' else 'college' end and unit_id = :unit and month_id = :month
order by programme, item
