-- 数据说明 (appendix): what the report was built from: the version of the models' definitions (a hash of their SQL and
-- the catalogues they read: the same data and definitions give the same figures), and the rows held back.
-- Nothing here depends on when a build ran, so a report re-rendered from the same data is the same file.
select
    (select left(definition_hash, 12) from ops.model_builds order by build_id desc limit 1) as definition_version,
    (select cast(count(*) as bigint) from ops.quarantine) as n_quarantined
