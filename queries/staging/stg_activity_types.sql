-- one row per activity per type it counts as (a 支部党员大会 held as the month's 主题党日 counts for both)
with activities as (select * from core.activities),
catalogue as (select * from core.activity_type_catalogue),

exploded as (
    select activity_id, unit_id, held_on, unnest(activity_types) as activity_type
    from activities
),

final as (
    select exploded.*, catalogue.type_group
    from exploded
    join catalogue using (activity_type)
)

select * from final
