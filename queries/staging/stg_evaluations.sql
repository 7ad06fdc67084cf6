-- one row per organisation per year of 述职评议
with evaluations as (select * from core.evaluations)

select
    unit_id,
    year,
    grade,
    grade in ('一般', '差') as is_lagging_grade,
from evaluations
