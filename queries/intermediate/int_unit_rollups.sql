-- one row per organisation per unit it counts towards: itself, its college, and the school
with units as (select * from intermediate.int_units)

select unit_id, unit_type as grain, unit_id as rollup_id from units
union all
select unit_id, 'college', college_id from units where unit_type = 'branch' and college_id is not null
union all
select unit_id, 'school', 'school' from units
