-- 等次分档: the lowest score of each grade, for the grade lines of the ranking charts
select grade, grade_order, min_score, meaning from marts.grade_bands order by grade_order
