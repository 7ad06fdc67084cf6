-- one row per branch per month with members: the features the lagging-branch model reads, from marts.branch_month
-- Gaps compare a branch with the median of its peers (branches of the same category) in the same month.
with branch_month as (select * from marts.branch_month where n_active_members > 0),
evaluations as (select * from staging.stg_evaluations),
breaks as (select distinct month_id, is_break from intermediate.int_teaching_windows),

rolling as (
    select
        *,
        -- Year-to-date compliance reacts slowly; the meetings due in the last three teaching months do not. The same
        -- figure as the score's and the compliance_low rule's, so that a model reason and a rule agree.
        org_life_compliance_3m as recent_compliance,
        avg(participation_rate) over w3 as participation_3m,
        avg(attendance_rate) over w3 as attendance_3m,
        avg(participation_rate) over w_prev3 as participation_prev_3m,
        avg(attendance_rate) over w_prev3 as attendance_prev_3m,
    from branch_month
    window
        w3 as (partition by branch_id order by month_id rows between 2 preceding and current row),
        w_prev3 as (partition by branch_id order by month_id rows between 5 preceding and 3 preceding)
),

peers as (
    select
        month_id,
        category,
        median(participation_3m) as peer_participation,
        median(attendance_3m) as peer_attendance,
        median(org_life_compliance) as peer_compliance,
        median(recent_compliance) as peer_recent_compliance,
        median(pledge_coverage) as peer_pledge_coverage,
        median(pledge_completion) as peer_pledge_completion,
    from rolling
    group by all
),

final as (
    select
        r.branch_id,
        r.branch_name,
        r.college_id,
        r.category,
        r.month_id,
        cast(left(r.month_id, 4) as integer) as year,
        r.n_active_members,
        r.participation_3m,
        r.attendance_3m,
        r.org_life_compliance,
        r.pledge_coverage,
        r.pledge_completion,
        r.participation_3m - r.participation_prev_3m as participation_trend,
        r.attendance_3m - r.attendance_prev_3m as attendance_trend,
        r.participation_3m - p.peer_participation as participation_gap,
        r.attendance_3m - p.peer_attendance as attendance_gap,
        r.org_life_compliance - p.peer_compliance as compliance_gap,
        r.recent_compliance,
        r.recent_compliance - p.peer_recent_compliance as recent_compliance_gap,
        r.pledge_coverage - p.peer_pledge_coverage as pledge_coverage_gap,
        -- Pledge progress against the calendar: how far the typical branch of its kind has come by this month.
        r.pledge_completion - p.peer_pledge_completion as pledge_progress_gap,
        r.category = '学生' as is_student,
        e.grade as year_grade,
        -- The lagging-grade rule lives once, in stg_evaluations.
        e.is_lagging_grade as year_lagging,
        r.rank_among_peers,
        r.n_peers,
        coalesce(breaks.is_break, false) as is_break_month,
    from rolling as r
    join peers as p using (month_id, category)
    left join breaks using (month_id)
    left join evaluations as e on e.unit_id = r.branch_id and e.year = cast(left(r.month_id, 4) as integer)
)

select * from final
