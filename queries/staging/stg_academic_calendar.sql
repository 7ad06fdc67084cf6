-- one row per month of the year that is a break of the academic calendar (寒假, 暑假)
with calendar as (select * from core.academic_calendar)

select month_of_year, break_name, note from calendar
