-- one row per branch per month per early-warning rule: its figure over the last three teaching months against the rule's line
-- The rules and their lines are catalogue data (catalogues/warning_rules.csv); breaks come from academic_calendar.csv.
-- Read by the branch's grade (a rule that caps_grade holds a branch that breaches it at 一般) and by the warnings.
-- materialized: table (read by marts.branch_month and marts.branch_rule_checks)
-- incremental: month_id (a month's rows depend only on ledgers of that month and earlier)
with branch_month as (
    select unit_id as branch_id, * exclude (unit_id)
    from intermediate.int_unit_month_scored
    where grain = 'branch' and n_active_members > 0
),
-- The windows of the months an incremental build recomputes (all in a full build); a window reads earlier months.
windows as (select * from intermediate.int_teaching_windows where month_id >= coalesce(getvariable('incremental_from_month'), '')),
member_month as not materialized (select * from intermediate.int_member_month), -- read three times, each narrowed to its months
rules as (select * from staging.stg_warning_rules),
months as (select * from intermediate.int_months),
scoring as (select * from staging.stg_scoring_parameters),

window_rates as (
    select
        w.month_id,
        b.branch_id,
        count(*) as n_window_months,
        -- Rounded: a parallel sum of doubles may differ in its last bits from run to run (an incremental build equals a full one).
        round(avg(b.participation_rate), 12) as participation_3m,
        sum(b.n_org_life_present) / nullif(sum(b.n_org_life_records), 0) as attendance_3m,
        sum(b.n_activities) as activities_3m,
    from windows as w
    join branch_month as b on b.month_id = w.window_month_id
    group by all
),

-- Teaching months numbered in order: a window is the run of (at most) three numbers ending at its last teaching month.
teaching as (
    select month_id, row_number() over (order by month_id) as seq
    from (select distinct window_month_id as month_id from intermediate.int_teaching_windows)
),

window_ends as (
    select w.month_id, max(t.seq) as last_seq, count(*) as n_window_months
    from windows as w
    join teaching as t on t.month_id = w.window_month_id
    group by all
),

-- Per member and teaching month, the months of the run ending there in which they belonged to a branch and the
-- activities they attended. A full build makes one pass over the members' months in order (pairing each month with
-- each window it falls in grouped 18 million rows into 6 million on the large tier: 4.7 s against 3.6 s); an
-- incremental build, with a window or two, groups each member's months in them (0.1 s against the pass's 0.2 s).
-- (getvariable() is a constant: the planner drops the branch that does not apply.)
member_runs as (
    select
        m.member_id,
        t.seq,
        count(*) over run as n_months,
        sum(m.n_activities_present) over run as n_present,
    from member_month as m
    join teaching as t using (month_id)
    where getvariable('incremental_from_month') is null and t.seq >= (select min(last_seq) - 2 from window_ends)
    window run as (partition by m.member_id order by t.seq range between 2 preceding and current row)
    union all
    select m.member_id, ends.last_seq, count(*), sum(m.n_activities_present),
    from member_month as m
    join teaching as t using (month_id)
    join (select distinct last_seq from window_ends) as ends on t.seq between ends.last_seq - 2 and ends.last_seq
    where getvariable('incremental_from_month') is not null
    group by all
),

absent_members as (
    -- Members of the branch at the month's end who were members in every month of the window and attended nothing.
    select
        now_in.month_id,
        now_in.branch_id,
        count(*) as n_members_judged,
        count(*) filter (where runs.n_present = 0) as n_absent,
    from member_month as now_in
    join window_ends as ends using (month_id)
    join member_runs as runs on runs.member_id = now_in.member_id and runs.seq = ends.last_seq
    where runs.n_months = ends.n_window_months and now_in.month_id >= coalesce(getvariable('incremental_from_month'), '')
    group by all
),

pledges as (
    select
        month_id,
        branch_id,
        sum(n_items_pledged) as n_items_pledged,
        sum(n_items_completed) as n_items_completed,
    from member_month
    where month_id >= coalesce(getvariable('incremental_from_month'), '')
    group by all
),

figures as (
    select
        b.branch_id,
        b.month_id,
        b.category,
        m.month as month_of_year,
        r.participation_3m,
        r.attendance_3m,
        r.activities_3m,
        b.org_life_compliance_3m as compliance_3m,
        b.n_meetings_required_3m - b.n_meetings_met_3m as n_meetings_missed,
        a.n_absent,
        a.n_absent / nullif(a.n_members_judged, 0) as absent_share,
        b.pledge_coverage,
        b.composite_score,
        p.n_items_completed / nullif(p.n_items_pledged, 0) as pledge_done_share,
    from branch_month as b
    join months as m using (month_id)
    left join window_rates as r using (month_id, branch_id)
    left join absent_members as a using (month_id, branch_id)
    left join pledges as p using (month_id, branch_id)
    where b.month_id >= coalesce(getvariable('incremental_from_month'), '')
),

relative as (
    -- Progress is judged against the branch's peers (same category, same month): how far along the typical branch is
    -- is the calendar the school actually keeps, whatever its items' due dates.
    select *, pledge_done_share / nullif(median(pledge_done_share) over (partition by month_id, category), 0) as pledge_progress,
    from figures
),

checks as (
    select
        f.branch_id,
        f.month_id,
        rules.rule_id,
        rules.label as rule_label,
        rules.topic,
        case rules.rule_id
            when 'compliance_low' then f.compliance_3m
            when 'participation_low' then f.participation_3m
            when 'attendance_low' then f.attendance_3m
            when 'no_activity' then f.activities_3m
            when 'members_absent' then f.absent_share
            when 'pledge_coverage_low' then f.pledge_coverage
            when 'pledge_behind' then f.pledge_progress
            when 'grade_poor' then f.composite_score
        end as figure,
        case rules.rule_id
            when 'compliance_low' then f.n_meetings_missed
            when 'members_absent' then f.n_absent
        end as n_concerned,
        coalesce(rules.line, scoring.grade_fair_min) as line,
        rules.breach,
        rules.min_concerned,
        rules.caps_grade,
        f.month_of_year >= rules.from_month_of_year
            and (len(rules.categories) = 0 or list_contains(rules.categories, f.category)) as is_applicable,
    from relative as f
    cross join rules
    cross join scoring
),

final as (
    select
        branch_id,
        month_id,
        rule_id,
        rule_label,
        topic,
        cast(figure as double) as figure,
        cast(n_concerned as bigint) as n_concerned,
        line,
        coalesce(is_applicable and figure is not null and case breach when 'below' then figure < line else figure >= line end
            and (min_concerned is null or n_concerned >= min_concerned), false) as is_breached,
        coalesce(is_applicable, false) as is_applicable,
        caps_grade,
    from checks
)

select * from final
