-- one row per warning topic: the 整改措施 (catalogues/remediation_measures.csv) behind the reports' 整改建议 and the alerts
-- materialized: view (the catalogue's rows: read as they are, not stored)
with measures as (select * from staging.stg_remediation_measures)

select topic, measure, days from measures
