-- one row per activity type of the catalogue with its group (组织生活, 红色文化, 实践服务, 学习)
with catalogue as (select * from core.activity_type_catalogue)

select activity_type, type_group, type_group in ('红色文化', '实践服务') as is_brand_type from catalogue
