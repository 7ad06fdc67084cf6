-- Pledge items nobody at the school has completed (and had reviewed) this year, as of the latest month.
select programme, item, item_text, n_members_owing, n_members_pledged
from marts.pledge_item_month
where grain = 'school'
    and month_id = (select max(month_id) from marts.pledge_item_month)
    and n_members_completed = 0
order by programme, item
