-- 数据说明 (appendix): what the report was built from: the last model build, and the early-warning model of the month
select
    (select max(build_id) from ops.model_builds) as build_id,
    (select strftime(max(built_at) at time zone 'Asia/Shanghai', '%Y-%m-%d %H:%M') from ops.model_builds) as built_at,
    (select cast(count(*) as bigint) from ops.quarantine) as n_quarantined
