using Analytics.Warehouse;

namespace Analytics.Tests.Model;

/// <summary>
/// Given/expect for the year-end assessment (marts.college_year, school_year) on the hand-made college of
/// <see cref="BranchMonthFixture"/>: 2026 is assessed to March (3 months). Figures the year takes from the months
/// (compliance, participation, pledge completion) are read from college_month, already tested there; everything
/// the year adds is derived by hand below.
/// </summary>
public class YearAssessmentTests(BranchMonthFixture f) : IClassFixture<BranchMonthFixture>
{
    private const double Eps = 1e-6;

    private double Year(string column) =>
        f.Warehouse.Connection.Scalar<double>($"select cast({column} as double) from marts.college_year where college_id = 'C01' and year = '2026'");

    private double? YearOrNull(string column) =>
        f.Warehouse.Connection.Scalar<double?>($"select cast({column} as double) from marts.college_year where college_id = 'C01' and year = '2026'");

    private double Month(string month, string column) =>
        f.Warehouse.Connection.Scalar<double>($"select cast({column} as double) from marts.college_month where college_id = 'C01' and month_id = ?", month);

    [Fact]
    public void Implementation_ComplianceAttendanceAndLedgerCompleteness()
    {
        Assert.Equal(3, Year("n_months"));
        // Year to date as it stands in the year's last month (a mean of year-to-date figures would count January thrice).
        var compliance = Month("2026-03", "org_life_compliance");
        Assert.Equal(compliance, Year("org_life_compliance_year"), Eps);
        // Org-life attendance records: A1 (主题党日) 4, 3 present; A2 (支部委员会) 1, 1 present; A4 (党员大会、主题党日) 2, 1 present.
        Assert.Equal(5.0 / 7, Year("attendance_rate_year"), Eps);
        // Branch-months with members: B01 Jan–Mar (activities in Jan and Mar), B02 Jan–Mar (none), B03 Mar only (A5) → 3 of 7.
        Assert.Equal(3.0 / 7, Year("ledger_completeness"), Eps);
        Assert.Equal(3, Year("n_branches"));
        // Every record came with the warehouse's first load: history, not judged.
        Assert.Null(YearOrNull("ledger_timeliness"));
        Assert.Equal(100 * (compliance + 5.0 / 7 + 3.0 / 7) / 3, Year("score_implementation"), Eps);
    }

    [Fact]
    public void Targets_PledgesAndActivityCoverage_AsTheyStandInMarch()
    {
        // Active on 31 Mar: M1–M4, S2, S3 (6); pledged by then: M1, M2 (1 Mar), S2 → 3 of 6.
        Assert.Equal(0.5, Year("pledge_coverage_year"), Eps);
        Assert.Equal(Month("2026-03", "pledge_completion"), Year("pledge_completion_year"), Eps);
        // Brand types held in 2026: 红歌会 and 志愿服务, of 13 (5 红色文化 + 8 实践服务).
        Assert.Equal(2.0 / 13, Year("activity_coverage_year"), Eps);
        Assert.Equal(100 * (0.5 + Month("2026-03", "pledge_completion") + 2.0 / 13) / 3, Year("score_targets"), Eps);
    }

    [Fact]
    public void Results_ParticipationAndOutcomePledges()
    {
        // From counts, over the teaching months (February is 寒假): member-months present over member-months.
        var present = Month("2026-01", "n_members_present") + Month("2026-03", "n_members_present");
        var memberMonths = Month("2026-01", "n_active_members") + Month("2026-03", "n_active_members");
        Assert.Equal((present, memberMonths), (Year("n_members_present_year"), Year("n_member_months_year")));
        var participation = present / memberMonths;
        Assert.Equal(participation, Year("participation_rate_year"), Eps);
        // Outcome pledges: M1 T1 (completed and reviewed), M1 T2 (completed, not reviewed), M2 T3 (open) → 1 of 3.
        Assert.Equal((3.0, 1.0), (Year("n_outcome_items_pledged"), Year("n_outcome_items_completed")));
        Assert.Equal((1.0, 0.0, 0.0), (Year("n_projects"), Year("n_competitions"), Year("n_businesses")));
        Assert.Equal(100 * (participation + 1.0 / 3) / 2, Year("score_results"), Eps);
    }

    [Fact]
    public void Social_CountsAgainstProratedTargets()
    {
        // Reach: A1 3 present, A2 3 participants, A3 2 present + 10 external, A4 2, A5 1 + 5 external → 26.
        Assert.Equal(26, Year("reach_year"));
        // Average active members: Jan 7 (B01 4, B02 3), Feb 6 (S1 left), Mar 6 (B01 4, B02 S2, B03 S3) → 19/3.
        Assert.Equal(19.0 / 3, Year("avg_active_members"), Eps);
        var months = 3.0 / 12;
        var reach = 26 / (19.0 / 3) / (100 * months);           // 100 a member a year
        var publicity = 2.0 / 3 / (6 * months);                 // 2 items, 3 branches, 6 a branch a year
        var reads = 150 / (19.0 / 3) / (250 * months);          // 120 + 30 reads, 250 a member a year
        var partners = Math.Min(1, 2.0 / 3 / (3 * months));     // ties: C01–景德镇市图书馆, B01–陶溪川文创街区; 3 a branch a year
        Assert.Equal((reach, publicity, reads, partners, 0.0),
            (Year("reach_score"), Year("publicity_score"), Year("reads_score"), Year("partners_score"), Year("local_cooperation_score")));
        Assert.Equal(100 * (reach + publicity + reads + partners + 0) / 5, Year("score_social"), Eps);
    }

    [Fact]
    public void Overall_WeighsTheFourDimensionsEqually_GradesAndRanks()
    {
        var overall = 0.25 * (Year("score_implementation") + Year("score_targets") + Year("score_results") + Year("score_social"));
        Assert.Equal(overall, Year("overall_score"), 1e-5);
        var grade = overall >= 85 ? "好" : overall >= 72 ? "较好" : overall >= 58 ? "一般" : "差";
        Assert.Equal(grade, f.Warehouse.Connection.Scalar<string>("select grade_year from marts.college_year where college_id = 'C01' and year = '2026'"));
        Assert.Equal(1, Year("rank_among_colleges"));
        // The school is the one college here: the same dimension scores.
        Assert.Equal(Year("score_targets"), f.Warehouse.Connection.Scalar<double>("select score_targets from marts.school_year where year = '2026'"), Eps);
    }
}
