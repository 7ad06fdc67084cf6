-- one row per calendar month from the first to the last month with an activity in the ledgers
with activities as (select * from staging.stg_activities),

bounds as (
    select
        cast(date_trunc('month', min(held_on)) as date) as first_month,
        cast(date_trunc('month', max(held_on)) as date) as last_month,
    from activities
),

months as (
    select cast(unnest(generate_series(first_month, last_month, interval 1 month)) as date) as month_start
    from bounds
),

final as (
    select
        strftime(month_start, '%Y-%m') as month_id,
        month_start,
        cast(month_start + interval 1 month - interval 1 day as date) as month_end,
        cast(year(month_start) as integer) as year,
        cast(quarter(month_start) as integer) as quarter,
        cast(month(month_start) as integer) as month,
        make_date(year(month_start), 1, 1) as year_start,
    from months
)

select * from final
