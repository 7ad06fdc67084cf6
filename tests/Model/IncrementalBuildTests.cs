using System.Globalization;
using Analytics.Demo;
using Analytics.Warehouse;
using Analytics.Model;
using Analytics.Service.Commands;
using Analytics.Tests.Support;

namespace Analytics.Tests.Model;

/// <summary>
/// An incremental build (month-keyed tables recomputed from the earliest month new ledger rows touch) must leave
/// exactly what a full build leaves: checked table by table on the demo university after a new month arrives.
/// </summary>
public class IncrementalBuildTests
{
    private static readonly string Queries = Path.Combine(AppContext.BaseDirectory, "queries");

    private static List<string> Built(TempWarehouse w) =>
        DataFolderFingerprint.Tables(w.Connection, "built", ["intermediate", "marts"]).ToList();

    /// <summary>The shipped models and a builder for the warehouse, after a first (full) build of what it holds.</summary>
    private static (IReadOnlyList<ModelDefinition> Models, ModelBuilder Builder) BuiltWhole(TempWarehouse w)
    {
        var models = ModelDiscovery.Discover(Queries);
        var builder = new ModelBuilder(w.Connection, MartContracts.Load(Queries));
        builder.Build(models);
        return (models, builder);
    }

    /// <summary>What the incremental build just left, asserted equal to what a full build then leaves.</summary>
    private static List<string> AssertEqualsAFullBuild(TempWarehouse w, IReadOnlyList<ModelDefinition> models, ModelBuilder builder)
    {
        var afterIncremental = Built(w);
        builder.Build(models);
        Assert.Equal(Built(w), afterIncremental);
        return afterIncremental;
    }

    [Fact]
    public void AfterANewMonth_AnIncrementalBuildEqualsAFullOne_AndSaysFromWhichMonth()
    {
        using var w = new TempWarehouse(new DateTimeOffset(2025, 5, 10, 2, 0, 0, TimeSpan.Zero));
        var dataset = DemoGenerator.Generate(w.Root, new DateOnly(2025, 4, 1));
        w.Ingest();
        var models = ModelDiscovery.Discover(Queries);
        var builder = new ModelBuilder(w.Connection, MartContracts.Load(Queries));
        Assert.Null(builder.Build(models, incremental: true).Plan); // the first build is always full

        var added = NextMonthLedgers.Write(dataset.University, w.Options.InboxDir);
        Assert.All(w.Ingest(), o => Assert.Equal(0, o.RowsQuarantined));
        var incremental = builder.Build(models, incremental: true);
        Assert.Equal(added.Month, incremental.Plan!.FromMonth);
        // A view's SQL is the last build's (the plan compared it): kept, not replaced; compared with the full build below.
        Assert.Contains(incremental.Models, m => m.FullName == "marts.college_month" && m.Kept);
        // The month brought activities and attendance only: the pledge terms, read from the pledges alone, are kept.
        Assert.Equal(["activities"], incremental.Plan.Touched!.Keys);
        Assert.Contains(incremental.Models, m => m.FullName == "intermediate.int_pledge_terms" && m.IsTable && m.Kept);
        var afterIncremental = AssertEqualsAFullBuild(w, models, builder);
        Assert.Contains(afterIncremental, l => l.StartsWith("built marts.branch_month", StringComparison.Ordinal));

        // Nothing new: an incremental build keeps every month and still equals the full one.
        var idle = builder.Build(models, incremental: true);
        Assert.Equal(IncrementalPlan.NothingNew, idle.Plan!.FromMonth);
        Assert.Equal(afterIncremental, Built(w));
    }

    /// <summary>The month after a break (寒假 in February, 暑假 in August): its scores read back to the last teaching
    /// month, which a break month carries, and the month before for the change.</summary>
    [Theory]
    [InlineData("2025-09")]
    [InlineData("2026-03")]
    public void TheMonthAfterABreak_BuiltIncrementally_EqualsAFullBuild(string newMonth)
    {
        // The demo's ledgers up to the month before; the new month is that month again, a month later.
        var today = DateOnly.ParseExact(newMonth + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var w = new TempWarehouse(new DateTimeOffset(today.AddMonths(1).AddDays(9).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
        var dataset = DemoGenerator.Generate(w.Root, today);
        w.Ingest();
        var (models, builder) = BuiltWhole(w);

        var added = NextMonthLedgers.Write(dataset.University, w.Options.InboxDir);
        Assert.Equal(newMonth, added.Month);
        Assert.All(w.Ingest(), o => Assert.Equal(0, o.RowsQuarantined));
        Assert.Equal(newMonth, builder.Build(models, incremental: true).Plan!.FromMonth);
        AssertEqualsAFullBuild(w, models, builder);
    }

    [Fact]
    public void PledgesOrAMembershipEnding_RebuildWhatReadsThem_FromTheirMonth_AndEqualAFullBuild()
    {
        using var w = TempWarehouse.WithLedgers(activities: true); // activities in 2026-03; M003 in B02 from 2025-03-01
        w.WriteInbox("att.csv", "活动编号,党员编号,出勤状态\nA001,M001,出席\nA002,M003,出席\n");
        w.Ingest();
        var (models, builder) = BuiltWhole(w);

        // Pledges only: their year is recomputed from January; the tables that read no pledges are kept.
        w.WriteInbox("pledges.csv", "党员编号,工程,年度,承诺事项,承诺日期\nM001,七一工程,2026,T1,2026-03-10\n");
        Assert.All(w.Ingest(), o => Assert.Equal(0, o.RowsQuarantined));
        var pledged = builder.Build(models, incremental: true);
        Assert.Equal(new Dictionary<string, string> { ["pledges"] = "2026-01" }, pledged.Plan!.Touched);
        Assert.Contains(pledged.Models, m => m.FullName == "intermediate.int_pledge_terms" && !m.Kept && m.Rows == 1);
        Assert.Contains(pledged.Models, m => m.FullName == "intermediate.int_org_life_periods" && m.Kept);
        Assert.Equal(1, w.Scalar<long>("select n_items_pledged from intermediate.int_member_month where member_id = 'M001' and month_id = '2026-03'"));
        AssertEqualsAFullBuild(w, models, builder);

        // A membership that ends (a new version of it): recomputed from its start, the month its rows touch.
        w.WriteInbox("left.csv", "member_id,name,member_type,branch_id,valid_from,valid_to,status\nM003,王五,学生,B02,2025-03-01,2026-03-15,正式党员\n");
        Assert.All(w.Ingest(), o => Assert.Equal(0, o.RowsQuarantined));
        var left = builder.Build(models, incremental: true);
        Assert.Equal(new Dictionary<string, string> { ["members"] = "2025-03" }, left.Plan!.Touched);
        Assert.Equal(0, w.Scalar<long>("select count(*) from intermediate.int_member_month where member_id = 'M003' and month_id = '2026-03'"));
        AssertEqualsAFullBuild(w, models, builder);
    }

    /// <summary>One file after a build, of one row, rebuilds from the earliest month it touches: an activity moved to
    /// January (its new date), or attendance sent alone, late, for A001: no activity row came with it, so only its
    /// activity's month (March) says where the build must start.</summary>
    [Theory]
    [InlineData("moved.csv", "活动编号,组织编号,活动日期,活动类型\nA001,B01,2026-01-20,主题党日\n", "2026-01")]
    [InlineData("att-late.csv", "活动编号,党员编号,出勤状态\nA001,M001,出席\n", "2026-03")]
    public void OneRowAfterABuild_RebuildsFromTheMonthItTouches(string file, string text, string fromMonth)
    {
        using var w = TempWarehouse.WithLedgers(activities: true); // A001 on 2026-03-05
        var (models, builder) = BuiltWhole(w);
        w.WriteInbox(file, text);
        Assert.All(w.Ingest(), o => Assert.Equal(1, o.RowsLoaded));
        Assert.Equal(fromMonth, builder.Build(models, incremental: true).Plan!.FromMonth);
        AssertEqualsAFullBuild(w, models, builder);
    }

    [Fact]
    public void AnActivityMovedToALaterMonth_KeepsItsAttendanceFromTheOlderFile()
    {
        // An incremental build reads only the ledger files that hold attendance of the months it recomputes: A001's
        // attendance came in an earlier file than the one that moves it, and must still be counted in its new month.
        using var w = TempWarehouse.WithLedgers(activities: true); // A001 on 2026-03-05
        w.WriteInbox("att-march.csv", "活动编号,党员编号,出勤状态\nA001,M001,出席\nA002,M002,出席\nA002,M003,请假\n");
        w.Ingest();
        var (models, builder) = BuiltWhole(w);
        w.WriteInbox("moved.csv", "活动编号,组织编号,活动日期,活动类型\nA001,B01,2026-05-10,主题党日\nA010,B01,2026-05-12,党课\n");
        w.WriteInbox("att-may.csv", "活动编号,党员编号,出勤状态\nA010,M001,出席\n");
        Assert.All(w.Ingest(), o => Assert.Equal(0, o.RowsQuarantined));
        var plan = builder.Build(models, incremental: true).Plan!;
        Assert.Equal("2026-03", plan.FromMonth);
        Assert.Equal(2, w.Scalar<long>("select n_activities_present from intermediate.int_member_month where member_id = 'M001' and month_id = '2026-05'"));
        Assert.Equal(1, w.Scalar<long>("select n_present from intermediate.int_activity_facts where activity_id = 'A001' and month_id = '2026-05'"));
        AssertEqualsAFullBuild(w, models, builder);
    }

    [Fact]
    public void ChangedModelsOrOrganisation_OrAMissingTable_ForceAFullBuild()
    {
        using var w = TempWarehouse.WithLedgers(activities: true);
        var (models, builder) = BuiltWhole(w);
        w.WriteInbox("units.csv", "组织编号,组织名称,组织类型,上级组织编号,支部类别\nB04,新支部,党支部,C01,学生\n");
        w.Ingest();
        Assert.Null(builder.Build(models, incremental: true).Plan);
        var changed = models.Select(m => m.Name == "branch_month" ? m with { Sql = m.Sql + "\n-- edited" } : m).ToList();
        Assert.Null(builder.Build(changed, incremental: true).Plan);

        // A table the last build made is gone (as after a rebuild from the archive): whatever arrived, a full build.
        builder.Build(models);
        w.Connection.Execute("drop table marts.branch_month");
        w.WriteInbox("later.csv", "活动编号,组织编号,活动日期,活动类型\nA009,B01,2026-04-02,主题党日\n");
        w.Ingest();
        var afterDrop = builder.Build(models, incremental: true);
        Assert.Null(afterDrop.Plan);
        Assert.Contains(afterDrop.Models, m => m.FullName == "marts.branch_month" && m.IsTable);
    }

    /// <summary>台账及时 (the year's ledger timeliness) judges each activity by the day its first version reached the
    /// warehouse: records of the warehouse's first load are not judged, one sent within year_timely_days (15) of its
    /// month's end is timely, a correction sent later does not make it late; every step built incrementally equals a
    /// full build.</summary>
    [Fact]
    public void LedgerTimeliness_ByEachActivitysFirstArrival_IncrementallyAsWhole()
    {
        static DateTimeOffset Shanghai(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.FromHours(8));
        using var w = new TempWarehouse(Shanghai(2026, 4, 2));
        var dataset = DemoGenerator.Generate(w.Root, new DateOnly(2026, 4, 1)); // ledgers to March 2026
        w.Ingest();
        var (models, builder) = BuiltWhole(w);
        double? Timeliness() => w.Scalar<double?>("select ledger_timeliness from marts.school_year where year = '2026'");
        Assert.Null(Timeliness()); // everything came with the first load: history, not judged

        // April's activities: a third sent on 10 May (timely), the rest with the attendance on 25 May (late).
        var staging = Path.Combine(w.Root, "april");
        Directory.CreateDirectory(staging);
        var added = NextMonthLedgers.Write(dataset.University, staging);
        Assert.Equal("2026-04", added.Month);
        var lines = File.ReadAllLines(Path.Combine(staging, "next-month-activities.csv"));
        var timely = lines.Skip(1).Take(added.Activities / 3).ToList();
        var late = lines.Skip(1 + timely.Count).ToList();
        // Each file is ingested on its day, built incrementally, and compared with a full build.
        void Send(DateTimeOffset at, string name, IEnumerable<string> rows)
        {
            File.WriteAllLines(w.Inbox(name), rows.Prepend(lines[0]));
            Assert.All(w.Ingest(at), o => Assert.Equal(0, o.RowsQuarantined));
            builder.Build(models, incremental: true);
            AssertEqualsAFullBuild(w, models, builder);
        }

        Send(Shanghai(2026, 5, 10), "april-1.csv", timely);
        Assert.Equal(1.0, Timeliness()!.Value, 1e-9);

        File.Move(Path.Combine(staging, "next-month-attendance.csv"), w.Inbox("april-attendance.csv"));
        Send(Shanghai(2026, 5, 25), "april-2.csv", late);
        var timelyShare = (double)timely.Count / (timely.Count + late.Count);
        Assert.Equal(timelyShare, Timeliness()!.Value, 1e-9);

        // A timely activity corrected in June (one more participant): still judged by its first arrival, in May.
        var fields = timely[0].Split(','); // activity_id,unit_id,held_on,activity_type,participants,external_audience
        fields[4] = fields[4].Length == 0 ? "1" : (int.Parse(fields[4], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        Send(Shanghai(2026, 6, 3), "april-fix.csv", [string.Join(',', fields)]);
        Assert.Equal(timelyShare, Timeliness()!.Value, 1e-9);
    }
}
