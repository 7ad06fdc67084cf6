-- one row per warning topic of the catalogue: the 整改措施 a branch warned on it is asked to carry out, and in how many days
with measures as (select * from core.remediation_measures)

select topic, measure, days from measures
