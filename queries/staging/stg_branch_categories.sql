-- one row per branch category (教工, 学生, 机关, 离退休): whether its members owe 七一/八一 pledges
with categories as (select * from core.branch_categories)

select category, owes_pledges, note from categories
