-- 数据质量: per ledger, files loaded, rows read, loaded and quarantined, and the last load (warehouse ops tables)
select
    kind as ledger,
    count(*) as n_files,
    cast(sum(rows_read) as bigint) as rows_read,
    cast(sum(rows_loaded) as bigint) as rows_loaded,
    cast(sum(rows_quarantined) as bigint) as rows_quarantined,
    strftime(max(finished_at) at time zone 'Asia/Shanghai', '%Y-%m-%d') as last_loaded_on,
from ops.ingested_files
where status = 'loaded'
group by kind
order by kind
