-- 各学院年度评估: every college's sub-brand, its four dimension scores, overall score, grade and rank in the year
select rank_among_colleges as rank, college_id, college_name, brand_project,
    score_implementation, score_targets, score_results, score_social, overall_score, grade_year, n_months
from marts.college_year
where year = :year
order by rank_among_colleges, college_id
