namespace Analytics.Tests.Model;

/// <summary>College, school and scoring figures on the fixture of <see cref="BranchMonthTests"/>, each derived in a comment.</summary>
public class RollupAndScoringTests(BranchMonthFixture f) : IClassFixture<BranchMonthFixture>
{
    private const double Eps = 1e-9;

    private double? College(string month, string column) =>
        f.Warehouse.Scalar<double?>($"select cast({column} as double) from marts.college_month where college_id = 'C01' and month_id = ?", month);

    private double? School(string month, string column) =>
        f.Warehouse.Scalar<double?>($"select cast({column} as double) from marts.school_month where month_id = ?", month);

    [Fact]
    public void CollegeParticipation_IsRecomputedFromCounts_NotAveragedFromRates()
    {
        // January: B01 4 of 4, B02 1 of 3, B03 0 of 0 → 5 of 7 (the mean of branch rates would be 2/3).
        Assert.Equal((7.0, 5.0), (College("2026-01", "n_active_members")!.Value, College("2026-01", "n_members_present")!.Value));
        Assert.Equal(5.0 / 7, College("2026-01", "participation_rate")!.Value, Eps);
    }

    [Fact]
    public void CollegeIncludesItsOwnActivities()
    {
        // January reach: A1 (3 出席, no 参与人数) + A2 (3) + the college's own A3 (2 出席 + 10 external) = 18.
        Assert.Equal(18.0, College("2026-01", "reach"));
        // Org-life attendance: A1 (3 of 4) and A2 (1 of 1); A3 is 红歌会, not organisational life → 4/5.
        Assert.Equal(0.8, College("2026-01", "attendance_rate")!.Value, Eps);
        // Since January, by March: partners 景德镇市图书馆 (A3) and 陶溪川文创街区 (A4); brand types 红歌会 and 志愿服务 of 13.
        Assert.Equal(2.0, College("2026-03", "n_partners"));
        Assert.Equal(2.0 / 13, College("2026-03", "activity_coverage")!.Value, Eps);
    }

    [Fact]
    public void CollegeCompliance_IsTheMeanOverItsBranches()
    {
        // March: B01 (1 + 0 + 1 + 0) / 4 (February, 寒假, owes no monthly duty); B02 0; B03 0 (it owes March and Q1 only:
        // it had nobody before) → mean of three.
        Assert.Equal(((1 + 0 + 1 + 0) / 4.0 + 0 + 0) / 3, College("2026-03", "org_life_compliance")!.Value, Eps);
    }

    [Fact]
    public void School_AddsUpEverything()
    {
        // One college: the school's counts equal C01's.
        Assert.Equal(4L, f.Warehouse.Scalar<long>("select count(*) from marts.school_month"));
        Assert.Equal(College("2026-01", "n_active_members"), School("2026-01", "n_active_members"));
        Assert.Equal(College("2026-01", "reach"), School("2026-01", "reach"));
    }

    [Fact]
    public void BranchFiguresAddUpToTheirCollege()
    {
        Assert.Equal(0L, f.Warehouse.Scalar<long>("""
            select count(*) from marts.college_month c
            join (select college_id, month_id, sum(n_active_members) as a, sum(n_members_present) as p, sum(n_items_completed) as i
                  from marts.branch_month group by all) b using (college_id, month_id)
            where c.n_active_members <> b.a or c.n_members_present <> b.p or c.n_items_completed <> b.i
            """));
    }

    [Fact]
    public void InfluenceCompositeGradeAndRank_OfAStudentBranch()
    {
        double Branch(string id, string month, string column) =>
            f.Warehouse.Scalar<double>($"select cast({column} as double) from marts.branch_month where branch_id = ? and month_id = ?", id, month);
        // March, 学生 peers B02 and B03: B03 has the higher reach (6 vs 0), publicity and partners tie at 0
        // → percentile ranks (1 + 0 + 0) / 3.
        Assert.Equal(1.0 / 3, Branch("B03", "2026-03", "influence_index"), Eps);
        // B03: the weighted mean of the components that apply (weights of catalogues/scoring.csv): participation 1
        // (0.20); 三会一课 of its last three teaching months (March, January, December; February is 寒假) 0 of 3 — 主题党日
        // of March, 支部党员大会 and 党课 of Q1, the only periods it had members at their end (0.25); activity progress
        // (1/13 types held) / (target 0.4 × 3/12) (0.05); influence 1/3 (0.05). No org-life attendance records, and
        // pledges are made in March and judged from April: those weights are spread.
        // The score is kept to 6 decimals (ranks and grades must not depend on a parallel sum's last bits).
        Assert.Equal((3.0, 0.0), (Branch("B03", "2026-03", "n_meetings_required_3m"), Branch("B03", "2026-03", "n_meetings_met_3m")));
        var b03 = Math.Round(100 * (0.20 * 1 + 0.25 * 0 + 0.05 * Math.Min(1, (1.0 / 13) / (0.4 * 3 / 12)) + 0.05 / 3) / (0.20 + 0.25 + 0.05 + 0.05), 6);
        Assert.Equal(b03, Branch("B03", "2026-03", "composite_score"), Eps);
        Assert.Equal("差", f.Warehouse.Scalar<string>("select grade from marts.branch_month where branch_id = 'B03' and month_id = '2026-03'"));
        // B02: nobody took part, no meeting held, no brand activity, no reach → 0, below B03: ranks 1 and 2 of 2.
        Assert.Equal(0, Branch("B02", "2026-03", "composite_score"), Eps);
        Assert.Equal((1.0, 2.0, 2.0), (Branch("B03", "2026-03", "rank_among_peers"), Branch("B02", "2026-03", "rank_among_peers"), Branch("B02", "2026-03", "n_peers")));
        // February (寒假) keeps January's score, and in January B03 had no members: 0; the change to March is B03's whole score.
        Assert.Equal(b03, Branch("B03", "2026-03", "composite_change"), Eps);
    }
}
