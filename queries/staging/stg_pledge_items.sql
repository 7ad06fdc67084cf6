-- one row per pledge item of the catalogue
with items as (select * from core.pledge_item_catalogue)

select item, programme, item_text, due_month_of_year from items
