-- 宣传影响: items and reads by channel for the unit in the month
select channel, n_publicity_items, n_publicity_reads, n_publicity_likes
from marts.publicity_channel_month
where grain = case when :unit = 'school' then 'school' else 'college' end and unit_id = :unit and month_id = :month
order by n_publicity_reads desc, channel
