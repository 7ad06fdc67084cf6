using Analytics.Warehouse;
using Analytics.Model;
using Analytics.Tests.Support;

namespace Analytics.Tests.Model;

/// <summary>
/// Given/expect tests of marts.branch_month on a tiny hand-made university (December 2025 to March 2026):
/// C01 with B01 (教工, 4 members, 1 party group), B02 and B03 (学生). S1 graduates on 15 Feb; S3 moves from B02
/// to B03 on 10 Mar. December holds only B01's year-end 组织生活会 and 民主评议党员; February has no activity at all.
/// Every expected figure is derived in a comment.
/// </summary>
public sealed class BranchMonthFixture : IDisposable
{
    public TempWarehouse Warehouse { get; } = new();

    public BranchMonthFixture()
    {
        var w = Warehouse;
        w.WriteInbox("o.csv", """
            unit_id,unit_name,unit_type,parent_id,category,party_groups
            C01,陶瓷美术学院党总支,党总支,,,
            B01,教工党支部,党支部,C01,教工,1
            B02,学生第一党支部,党支部,C01,学生,0
            B03,学生第二党支部,党支部,C01,学生,0
            """);
        w.WriteInbox("m.csv", """
            member_id,name,member_type,branch_id,valid_from,valid_to
            M1,甲,教工,B01,2025-01-01,
            M2,乙,教工,B01,2025-01-01,
            M3,丙,教工,B01,2025-01-01,
            M4,丁,教工,B01,2025-01-01,
            S1,戊,学生,B02,2025-09-01,2026-02-15
            S2,己,学生,B02,2025-09-01,
            S3,庚,学生,B02,2025-09-01,2026-03-10
            S3,庚,学生,B03,2026-03-10,
            """);
        w.WriteInbox("a.csv", """
            activity_id,unit_id,held_on,activity_type,participants,external_audience,partner,brand_project
            A0,B01,2025-12-15,组织生活会、民主评议党员,,,,
            A1,B01,2026-01-10,主题党日,,,,
            A2,B01,2026-01-20,支部委员会,3,,,
            A3,C01,2026-01-15,红歌会,,10,景德镇市图书馆,窑火丹青
            A4,B01,2026-03-05,支部党员大会、主题党日,2,,陶溪川文创街区,
            A5,B03,2026-03-20,志愿服务,1,5,,窑火丹青
            """);
        w.WriteInbox("t.csv", """
            activity_id,member_id,status
            A0,M1,出席
            A1,M1,出席
            A1,M2,出席
            A1,M3,出席
            A1,M4,缺席
            A2,M1,出席
            A3,S2,出席
            A3,M4,出席
            A4,M1,出席
            A4,M2,请假
            A5,S3,出席
            """);
        w.WriteInbox("p.csv", """
            member_id,programme,year,item,pledged_on,completed_on,review
            M1,七一工程,2026,T1,2026-01-05,2026-02-10,已审核
            M1,七一工程,2026,T2,2026-01-05,2026-01-20,待审核
            M2,七一工程,2026,T3,2026-03-01,,
            S2,八一工程,2026,S1,2026-01-05,2026-03-02,已审核
            """);
        w.WriteInbox("x.csv", """
            item_id,unit_id,published_on,channel,reads
            X1,B01,2026-03-06,微信公众号,120
            X2,B01,2026-03-09,学校网站,30
            """);
        var outcomes = w.Ingest();
        if (outcomes.Any(o => o.RowsQuarantined > 0)) throw new InvalidOperationException("The fixture's ledgers must load cleanly.");
        var queries = Path.Combine(AppContext.BaseDirectory, "queries");
        new ModelBuilder(w.Connection, MartContracts.Load(queries)).Build(ModelDiscovery.Discover(queries));
    }

    public double? Metric(string branch, string month, string column) =>
        Warehouse.Connection.Scalar<double?>($"select cast({column} as double) from marts.branch_month where branch_id = ? and month_id = ?", branch, month);

    public void Dispose() => Warehouse.Dispose();
}

public class BranchMonthTests(BranchMonthFixture f) : IClassFixture<BranchMonthFixture>
{
    private const double Eps = 1e-9;

    [Fact]
    public void OneRowPerBranchPerMonth_FromTheFirstToTheLastMonthWithAnActivity()
    {
        // 3 branches × December, January, February, March.
        Assert.Equal(12L, f.Warehouse.Scalar<long>("select count(*) from marts.branch_month"));
        Assert.Equal(12L, f.Warehouse.Scalar<long>("select count(distinct (branch_id, month_id)) from marts.branch_month"));
    }

    [Theory]
    // B01 January: 4 active; M1–M3 present at A1, M4 present at the college's A3 (any unit counts) → 4/4.
    [InlineData("B01", "2026-01", 4, 4, 1.0)]
    // B01 February: no activity at all → 0 of 4.
    [InlineData("B01", "2026-02", 4, 0, 0.0)]
    // B01 March: only M1 present (M2 on leave) → 1/4.
    [InlineData("B01", "2026-03", 4, 1, 0.25)]
    // B02 January: S1, S2, S3 belong on 31 Jan; only S2 present (A3) → 1/3.
    [InlineData("B02", "2026-01", 3, 1, 1.0 / 3)]
    // B02 February: S1 graduated on 15 Feb (valid_to = first day gone) → S2, S3; nobody present → 0/2.
    [InlineData("B02", "2026-02", 2, 0, 0.0)]
    // B02 March: S3 moved to B03 on 10 Mar → only S2 on 31 Mar.
    [InlineData("B02", "2026-03", 1, 0, 0.0)]
    // B03 March: S3, present at A5 → 1/1.
    [InlineData("B03", "2026-03", 1, 1, 1.0)]
    public void Participation_ActiveMembersPresentAtAnyActivity(string branch, string month, int active, int present, double rate)
    {
        Assert.Equal(active, f.Metric(branch, month, "n_active_members"));
        Assert.Equal(present, f.Metric(branch, month, "n_members_present"));
        Assert.Equal(rate, f.Metric(branch, month, "participation_rate")!.Value, Eps);
    }

    [Fact]
    public void BranchWithNoMembers_HasNoRates()
    {
        // B03 has nobody until S3 arrives on 10 March.
        Assert.Equal(0, f.Metric("B03", "2026-01", "n_active_members"));
        Assert.Null(f.Metric("B03", "2026-01", "participation_rate"));
        Assert.Null(f.Metric("B03", "2026-01", "pledge_coverage"));
        Assert.Null(f.Metric("B03", "2026-01", "org_life_compliance"));
    }

    [Theory]
    // B01 January: org-life records of its own A1 (3 出席 of 4) and A2 (1 of 1) → 4/5; the college's A3 is not B01's.
    [InlineData("B01", "2026-01", 0.8)]
    // B01 March: A4 (支部党员大会、主题党日 counted once as an activity): 1 出席 of 2 records → 0.5.
    [InlineData("B01", "2026-03", 0.5)]
    public void AttendanceRate_PresentOverAllRecordsOfTheUnitsOrgLife(string branch, string month, double rate) =>
        Assert.Equal(rate, f.Metric(branch, month, "attendance_rate")!.Value, Eps);

    [Fact]
    public void AttendanceRate_IsEmptyInAMonthWithoutOrgLife() =>
        // February has no activity; B03's only activity in March is 志愿服务, not organisational life.
        Assert.Equal((null, null), (f.Metric("B01", "2026-02", "attendance_rate"), f.Metric("B03", "2026-03", "attendance_rate")));

    [Theory]
    // B01 December 2025, the year's end: the data start in December, so December is the only month, Q4 the only
    // quarter. 党小组会 0/1, 主题党日 0/1, 支部党员大会 0/1 (Q4), 党课 0/1 (Q4), 组织生活会 1/1 and 民主评议党员 1/1
    // (the year has ended, A0 held both in one meeting) → 2/6.
    [InlineData("B01", "2025-12", 2.0 / 6)]
    // B01 (4 members: no committee; 1 party group). January: a new year; monthly rules only (Q1 and the year have not ended):
    // 党小组会 0/1, 主题党日 1/1 → mean 0.5.
    [InlineData("B01", "2026-01", 0.5)]
    // February is 寒假 (catalogues/academic_calendar.csv): its monthly duties do not apply, so it stays at January's 0.5.
    [InlineData("B01", "2026-02", 0.5)]
    // March: Q1 has ended. 支部党员大会 1/1 (A4), 党小组会 0/2 and 主题党日 2/2 (A1, A4) of January and March, 党课 0/1
    // → (1 + 0 + 1 + 0) / 4.
    [InlineData("B01", "2026-03", 0.5)]
    // B02 (no party groups, < 7 members) March: 支部党员大会 0/1, 主题党日 0/3, 党课 0/1 → 0.
    [InlineData("B02", "2026-03", 0.0)]
    public void OrgLifeCompliance_MeanOverRulesOfTheEndedPeriodsMet(string branch, string month, double expected) =>
        Assert.Equal(expected, f.Metric(branch, month, "org_life_compliance")!.Value, Eps);

    [Theory]
    // Completion is of the items pledged. B01 January: M1 pledged T1 and T2 on 5 Jan (M2 only on 1 Mar) → 1/4 covered;
    // nothing completed and reviewed (T2 is 待审核) → 0 of 2.
    [InlineData("B01", "2026-01", 0.25, 0.0)]
    // B01 February: T1 completed 10 Feb and 已审核 → 1 of 2.
    [InlineData("B01", "2026-02", 0.25, 1.0 / 2)]
    // B01 March: M2 pledged T3 on 1 Mar → 2/4 covered; 1 of 3 items.
    [InlineData("B01", "2026-03", 0.5, 1.0 / 3)]
    // B02 January: S2 of S1, S2, S3 → 1/3; S2's one item not done → 0 of 1.
    [InlineData("B02", "2026-01", 1.0 / 3, 0.0)]
    // B02 March: S2 alone; S1 completed 2 Mar and 已审核 → 1 of 1.
    [InlineData("B02", "2026-03", 1.0, 1.0)]
    public void Pledges_CoverageAndCompletionOfTheActiveMembers(string branch, string month, double coverage, double completion)
    {
        Assert.Equal(coverage, f.Metric(branch, month, "pledge_coverage")!.Value, Eps);
        Assert.Equal(completion, f.Metric(branch, month, "pledge_completion")!.Value, Eps);
    }

    [Theory]
    // B01 January: A1 has no 参与人数, so its 3 出席 count; A2 says 3 → 6. The college's A3 is not B01's.
    [InlineData("B01", "2026-01", 6, 2)]
    [InlineData("B01", "2026-02", 0, 0)]
    // B03 March: A5: 1 participant + 5 external.
    [InlineData("B03", "2026-03", 6, 1)]
    public void Reach_ParticipantsAndExternalAudienceOfTheMonthsActivities(string branch, string month, int reach, int activities)
    {
        Assert.Equal(reach, f.Metric(branch, month, "reach"));
        Assert.Equal(activities, f.Metric(branch, month, "n_activities"));
    }

    [Fact]
    public void ActivityCoverage_DistinctBrandTypesSinceJanuaryOverTheCatalogue()
    {
        // B03 held 志愿服务 (实践服务) in March: 1 of the 13 红色文化 and 实践服务 types; B01 held none of them.
        Assert.Equal(1.0 / 13, f.Metric("B03", "2026-03", "activity_coverage")!.Value, Eps);
        Assert.Equal(0.0, f.Metric("B01", "2026-03", "activity_coverage")!.Value, Eps);
    }

    [Fact]
    public void PartnersAndPublicity_OfTheBranch()
    {
        // A4's partner, held in March, counts from March on; the college's partner is not B01's.
        Assert.Equal((0, 1), ((int)f.Metric("B01", "2026-01", "n_partners")!, (int)f.Metric("B01", "2026-03", "n_partners")!));
        // Two items in March: 120 + 30 reads.
        Assert.Equal((2, 150), ((int)f.Metric("B01", "2026-03", "n_publicity_items")!, (int)f.Metric("B01", "2026-03", "n_publicity_reads")!));
    }
}
