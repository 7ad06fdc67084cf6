-- 数据质量: per ledger (by its Chinese name), files loaded, rows read, loaded, held back and skipped as exact copies,
-- and the last load (warehouse ops tables): rows read = loaded + quarantined + duplicates, per file and so per ledger
select
    case kind
        when 'org_units' then '组织架构' when 'members' then '党员名册' when 'activities' then '活动台账'
        when 'attendance' then '签到表' when 'pledges' then '七一八一承诺' when 'publicity' then '宣传稿件'
        when 'evaluations' then '述职评议' else kind
    end as ledger,
    count(*) as n_files,
    cast(sum(rows_read) as bigint) as rows_read,
    cast(sum(rows_loaded) as bigint) as rows_loaded,
    cast(sum(rows_quarantined) as bigint) as rows_quarantined,
    cast(sum(duplicates_skipped) as bigint) as duplicates_skipped,
    strftime(max(finished_at) at time zone 'Asia/Shanghai', '%Y-%m-%d') as last_loaded_on,
from ops.ingested_files
where status = 'loaded'
group by kind
order by min(case kind when 'org_units' then 1 when 'members' then 2 when 'activities' then 3 when 'attendance' then 4
    when 'pledges' then 5 when 'publicity' then 6 when 'evaluations' then 7 else 8 end)
