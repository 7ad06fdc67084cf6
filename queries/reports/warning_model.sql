-- 数据说明 (appendix): the early-warning model that judged the month (:month), and how
select model_version, model_kind, count(*) as n_branches, count(*) filter (where is_flagged) as n_flagged
from marts.branch_flags
where month_id = :month
group by all
order by model_version
