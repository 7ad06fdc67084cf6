using System.Globalization;
using System.Text;
using Analytics.Model;
using Analytics.Tests.Support;
using Analytics.Warehouse;

namespace Analytics.Tests.Model;

/// <summary>
/// A small university kept steady from November 2025 to October 2026, built month by month: C01 with H (学生, healthy:
/// every duty met, everyone present, five 八一 items pledged each March and one completed a month) and L (学生,
/// lagging: from March 2026 a 主题党日 only every third month, half the members absent, pledges made but never
/// done), and 机关党委 C02 with J (机关: members typed 教工 who owe no 七一 items, every duty met). Each branch has six
/// members (no committee, no party groups), so its duties are the monthly 主题党日, the quarterly 支部党员大会 and 党课,
/// and the yearly 组织生活会 and 民主评议党员.
/// </summary>
public sealed class SteadyYearFixture : IDisposable
{
    public TempWarehouse Warehouse { get; } = new(new DateTimeOffset(2026, 11, 10, 2, 0, 0, TimeSpan.Zero));

    private static readonly string[] BrandTypes = ["红歌会", "志愿服务", "红色微党课", "红色展览参观", "校地合作", "春风帮学", "党建带团建", "红色情景剧", "旅游外语服务", "科技特派员", "卓越工程师", "红色演出"];

    public SteadyYearFixture()
    {
        var w = Warehouse;
        w.WriteInbox("o.csv", """
            unit_id,unit_name,unit_type,parent_id,category
            C01,陶瓷美术学院党总支,党总支,,
            C02,机关党委,党总支,,
            H,学生第一党支部,党支部,C01,学生
            L,学生第二党支部,党支部,C01,学生
            J,机关第一党支部,党支部,C02,机关
            """);
        var members = new StringBuilder("member_id,name,member_type,branch_id,valid_from\n");
        foreach (var branch in new[] { "H", "L", "J" })
            for (var i = 1; i <= 6; i++)
                members.Append(CultureInfo.InvariantCulture, $"{branch}{i},{branch}党员{i},{(branch == "J" ? "教工" : "学生")},{branch},2025-01-01\n");
        w.WriteInbox("m.csv", members.ToString());

        var activities = new StringBuilder("activity_id,unit_id,held_on,activity_type,participants,partner\n");
        var attendance = new StringBuilder("activity_id,member_id,status\n");
        var n = 0;
        void Hold(string branch, DateOnly day, string types, bool halfAbsent = false, string? partner = null)
        {
            var id = $"A{++n:0000}";
            activities.Append(CultureInfo.InvariantCulture, $"{id},{branch},{day:yyyy-MM-dd},{types},,{partner}\n");
            for (var i = 1; i <= 6; i++)
                attendance.Append(CultureInfo.InvariantCulture, $"{id},{branch}{i},{(halfAbsent && i % 2 == 0 ? "缺席" : "出席")}\n");
        }
        for (var month = new DateOnly(2025, 11, 1); month <= new DateOnly(2026, 10, 1); month = month.AddMonths(1))
        {
            var lagging = month >= new DateOnly(2026, 3, 1);
            foreach (var branch in new[] { "H", "L", "J" })
            {
                var steady = branch != "L" || !lagging;
                if (month.Month == 8) continue; // 暑假: nobody meets
                var quarterEnd = month.Month % 3 == 0;
                if (steady || month.Month % 3 == 0)
                    Hold(branch, month.AddDays(4), quarterEnd && steady ? "主题党日、支部党员大会" : "主题党日", halfAbsent: !steady);
                if (quarterEnd && steady) Hold(branch, month.AddDays(11), "党课");
                if (month.Month == 12) Hold(branch, month.AddDays(18), "组织生活会、民主评议党员");
                if (steady) Hold(branch, month.AddDays(20), BrandTypes[(month.Month - 1) % BrandTypes.Length], partner: $"{branch}合作单位{month.Month}");
            }
        }
        w.WriteInbox("a.csv", activities.ToString());
        w.WriteInbox("t.csv", attendance.ToString());

        var pledges = new StringBuilder("member_id,programme,year,item,pledged_on,completed_on,review\n");
        foreach (var branch in new[] { "H", "L" })
            for (var i = 1; i <= 6; i++)
                foreach (var year in new[] { 2025, 2026 })
                    for (var item = 1; item <= 5; item++)
                    {
                        // H completes one item a month from April; L pledges in 2026 and completes nothing.
                        var done = branch == "H" || year == 2025 ? new DateOnly(year, 3 + item, 20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
                        pledges.Append(CultureInfo.InvariantCulture, $"{branch}{i},八一工程,{year},S{item},{year}-03-05,{done},{(done.Length > 0 ? "已审核" : "")}\n");
                    }
        w.WriteInbox("p.csv", pledges.ToString());

        var outcomes = w.Ingest();
        if (outcomes.Any(o => o.RowsQuarantined > 0)) throw new InvalidOperationException("The fixture's ledgers must load cleanly.");
        var queries = Path.Combine(AppContext.BaseDirectory, "queries");
        new ModelBuilder(w.Connection, MartContracts.Load(queries)).Build(ModelDiscovery.Discover(queries));
    }

    public string Grade(string branch, string month) =>
        Warehouse.Scalar<string>("select grade from marts.branch_month where branch_id = ? and month_id = ?", branch, month)!;

    public double Score(string branch, string month) =>
        Warehouse.Scalar<double>("select composite_score from marts.branch_month where branch_id = ? and month_id = ?", branch, month);

    public void Dispose() => Warehouse.Dispose();
}

/// <summary>Grades judged against the calendar: a steady branch stays 较好/好 all year, a lagging one falls, and nobody is
/// graded on what it does not owe.</summary>
public class GradeThroughTheYearTests(SteadyYearFixture f) : IClassFixture<SteadyYearFixture>
{
    private static readonly string[] Months = ["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"];

    [Fact]
    public void ASteadyBranch_IsGradedWellInEveryMonth_MarchIncluded()
    {
        var grades = Months.Select(m => (m, f.Grade("H", m))).ToList();
        Assert.All(grades, g => Assert.Contains(g.Item2, new[] { "好", "较好" }));
    }

    [Fact]
    public void TheSummerBreak_KeepsJulysScore_AndTheNewPledgeYear_KeepsTheGrade()
    {
        // August (暑假): nobody met, and its monthly duties do not apply; the score is July's.
        Assert.Equal(f.Score("H", "2026-07"), f.Score("H", "2026-08"));
        Assert.Equal(0L, f.Warehouse.Scalar<long>("select count(*) from marts.org_life_obligations where branch_id = 'H' and month_id = '2026-08' and is_applicable"));
        // January: 2026's pledges are not made yet; pledges do not count until April, so nothing drops.
        Assert.Equal(f.Grade("H", "2025-12"), f.Grade("H", "2026-01"));
        Assert.Null(f.Warehouse.Scalar<double?>("select pledge_progress from marts.branch_month where branch_id = 'H' and month_id = '2026-01'"));
    }

    [Fact]
    public void PledgeProgress_IsCompletedOverWhatIsDueByTheMonth()
    {
        // H in June: 6 members × 5 items pledged, due pro rata (June − March) / (12 − 3) = 1/3 each → 10 items due;
        // 0.8 of them expected = 8; done by June: S1 (April), S2 (May), S3 (June) × 6 = 18 → capped at 1.
        Assert.Equal((30.0, 10.0, 18.0, 1.0), (
            f.Warehouse.Scalar<double>("select n_items_pledged from marts.branch_month where branch_id = 'H' and month_id = '2026-06'"),
            Math.Round(f.Warehouse.Scalar<double>("select cast(n_items_due as double) from marts.branch_month where branch_id = 'H' and month_id = '2026-06'"), 6),
            f.Warehouse.Scalar<double>("select n_items_completed from marts.branch_month where branch_id = 'H' and month_id = '2026-06'"),
            f.Warehouse.Scalar<double>("select pledge_progress from marts.branch_month where branch_id = 'H' and month_id = '2026-06'")));
        // L pledged the same and completed nothing: 0.
        Assert.Equal(0.0, f.Warehouse.Scalar<double>("select pledge_progress from marts.branch_month where branch_id = 'L' and month_id = '2026-06'"));
    }

    [Fact]
    public void AJiguanBranch_OwesNoPledges_AndIsNotPenalisedForThem()
    {
        Assert.All(Months, m => Assert.Contains(f.Grade("J", m), new[] { "好", "较好" }));
        Assert.Equal(0L, f.Warehouse.Scalar<long>("select count(*) from marts.branch_month where branch_id = 'J' and (pledge_progress is not null or pledge_coverage is not null)"));
        // Year-end: 机关党委 owes no pledges, so 目标任务 is its activity coverage alone, not a third of it.
        Assert.Equal(100 * f.Warehouse.Scalar<double>("select activity_coverage_year from marts.college_year where college_id = 'C02' and year = '2026'"),
            f.Warehouse.Scalar<double>("select score_targets from marts.college_year where college_id = 'C02' and year = '2026'"), 6);
    }

    [Fact]
    public void ALaggingBranch_FallsToFairOrPoor_AndSaysWhichDutyCapsIt()
    {
        // From May the three teaching months hold L's missed meetings: 一般 or 差, and the grade names the rules behind it.
        foreach (var month in new[] { "2026-05", "2026-06", "2026-07", "2026-09", "2026-10" })
            Assert.Contains(f.Grade("L", month), new[] { "一般", "差" });
        Assert.Contains("compliance_low", f.Warehouse.Strings("select unnest(grade_capped_by) from marts.branch_month where branch_id = 'L' and month_id = '2026-06'"));
        // Grades and warnings never contradict: every branch-month graded 一般 by a cap has the capping rule breached.
        Assert.Equal(0L, f.Warehouse.Scalar<long>("""
            select count(*) from marts.branch_month b
            where len(b.grade_capped_by) > 0 and not exists (
                select 1 from marts.branch_rule_checks c
                where c.branch_id = b.branch_id and c.month_id = b.month_id and c.is_breached and c.caps_grade and list_contains(b.grade_capped_by, c.rule_id))
            """));
    }

    [Fact]
    public void SchoolAnnualFigures_AreTheRollUpOfTheCollegesCounts()
    {
        var sums = f.Warehouse.Connection.Query("""
            select cast(sum(n_members_present_year) as double), cast(sum(n_member_months_year) as double), cast(sum(n_org_life_present_year) as double),
                cast(sum(n_org_life_records_year) as double), cast(sum(reach_year) as double), cast(sum(n_partners_year) as double)
            from marts.college_year where year = '2026'
            """, r => Enumerable.Range(0, 6).Select(i => Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture)).ToList()).Single();
        var school = f.Warehouse.Connection.Query("""
            select n_members_present_year, n_member_months_year, n_org_life_present_year, n_org_life_records_year, reach_year, n_partners_year,
                participation_rate_year, attendance_rate_year
            from marts.school_year where year = '2026'
            """, r => Enumerable.Range(0, 8).Select(i => Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture)).ToList()).Single();
        Assert.Equal(sums, school.Take(6).ToList());
        // Partners are ties: H and J one a month from January (9 months: not August), L only in January and February
        // before it began to lag → 9 + 9 + 2, at the school as in its colleges.
        Assert.Equal(9 + 9 + 2.0, school[5]);
        Assert.Equal(school[0] / school[1], school[6], 9);
        Assert.Equal(school[2] / school[3], school[7], 9);
    }
}
