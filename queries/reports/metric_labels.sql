-- every metric column's Chinese label (marts.metric_catalogue): the one name a reader sees a figure under
select column_name, min(label_zh) as label_zh
from marts.metric_catalogue
group by all
order by column_name
