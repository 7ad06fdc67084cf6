-- one row per grade: the lowest composite score (月度综合得分, and 年度品牌考核总分 alike) that earns it, and what it means
-- materialized: view (the scoring parameters' four rows: read as they are, not stored)
with scoring as (select * from staging.stg_scoring_parameters),

bands as (
    select '好' as grade, 1 as grade_order, grade_good_min as min_score,
        '各项职责全部落实，且好于多数同类支部' as meaning from scoring
    union all
    select '较好', 2, grade_fairly_good_min, '职责总体落实，正常开展工作的支部全年应在此档或以上' from scoring
    union all
    select '一般', 3, grade_fair_min, '有职责明显未落实（会议未按期召开、党员未参加活动、承诺滞后）：需要关注' from scoring
    union all
    select '差', 4, 0.0, '未履行基本职责，一律纳入预警' from scoring
)

select * from bands
