using Analytics.Warehouse;
using Analytics.Tests.Support;

namespace Analytics.Tests.Model;

/// <summary>Pledges by item, publicity by channel and brand projects, on the fixture of <see cref="BranchMonthTests"/>.</summary>
public class DetailMartTests(BranchMonthFixture f) : IClassFixture<BranchMonthFixture>
{
    private string PledgeItem(string grain, string unit, string month, string item) => f.Warehouse.Connection.Query(
        "select n_members_owing, n_members_pledged, n_members_completed from marts.pledge_item_month where grain = ? and unit_id = ? and month_id = ? and item = ?",
        r => $"{r.GetInt64(0)}/{r.GetInt64(1)}/{r.GetInt64(2)}", grain, unit, month, item).Single();

    [Theory]
    // T1: B01's 4 teachers owe it; M1 pledged on 5 Jan and completed on 10 Feb (已审核).
    [InlineData("branch", "B01", "2026-01", "T1", "4/1/0")]
    [InlineData("branch", "B01", "2026-02", "T1", "4/1/1")]
    // T2: completed 20 Jan but still 待审核 → never counted as completed.
    [InlineData("branch", "B01", "2026-03", "T2", "4/1/0")]
    // T3: M2 pledged it only on 1 March.
    [InlineData("branch", "B01", "2026-02", "T3", "4/0/0")]
    [InlineData("branch", "B01", "2026-03", "T3", "4/1/0")]
    // S1 at the college in March: S2 (B02) and S3 (B03) owe it; S2 completed it on 2 March.
    [InlineData("college", "C01", "2026-03", "S1", "2/1/1")]
    // The school counts the same teachers as B01 (the only teacher branch).
    [InlineData("school", "school", "2026-02", "T1", "4/1/1")]
    public void PledgesByItem_OwingPledgedCompleted(string grain, string unit, string month, string item, string expected) =>
        Assert.Equal(expected, PledgeItem(grain, unit, month, item));

    [Fact]
    public void PublicityByChannel_AtEveryGrain()
    {
        foreach (var (grain, unit) in new[] { ("branch", "B01"), ("college", "C01"), ("school", "school") })
            Assert.Equal("1|120", f.Warehouse.Strings(
                "select n_publicity_items || '|' || n_publicity_reads from marts.publicity_channel_month where grain = ? and unit_id = ? and month_id = '2026-03' and channel = '微信公众号'",
                grain, unit).Single());
    }

    [Fact]
    public void BrandProject_MonthAndYearToDate()
    {
        // 窑火丹青: A3 in January (reach 2 出席 + 10 external, partner 景德镇市图书馆), nothing in February, A5 in March (1 + 5).
        Assert.Equal(["2026-01|1|12|1|1|12|1", "2026-02|0|0|0|1|12|1", "2026-03|1|6|0|2|18|1"], f.Warehouse.Strings("""
            select month_id || '|' || n_activities || '|' || reach || '|' || n_partners || '|' || n_activities_ytd || '|' || reach_ytd || '|' || n_partners_ytd
            from marts.brand_project_month where brand_project = '窑火丹青' order by month_id
            """));
    }
}

public class MemberMonthTests(BranchMonthFixture f) : IClassFixture<BranchMonthFixture>
{
    [Fact]
    public void MemberMonth_OneRowPerMemberInABranch_UnderAPseudonymousKey()
    {
        // B01's 4 teachers in 4 months, S1 in December and January, S2 in 4 months, S3 in 4 months (B02, then B03).
        Assert.Equal(16L + 2 + 4 + 4, f.Warehouse.Scalar<long>("select count(*) from marts.member_month"));
        Assert.Equal(["B02|2026-02", "B03|2026-03"], f.Warehouse.Strings("""
            select branch_id || '|' || month_id from marts.member_month
            where member_key = (select member_key from marts.member_month where branch_id = 'B03') and month_id in ('2026-02', '2026-03') order by 1
            """));
        Assert.Equal(16, f.Warehouse.Scalar<long>("select min(length(member_key)) from marts.member_month"));
        // M1 in February: pledged T1 and T2 (5 Jan); T1 completed and reviewed 10 Feb.
        Assert.Equal("2|1", f.Warehouse.Strings(
            "select n_items_pledged || '|' || n_items_completed_member from marts.member_month where member_key = substr(sha256('" + TempWarehouse.PseudonymSecret + ":M1'), 1, 16) and month_id = '2026-02'").Single());
    }

    [Fact]
    public void PublishedSnapshot_HoldsNoNameAndNoMemberNumber()
    {
        var snapshot = Path.Combine(f.Warehouse.Root, "privacy-snapshot.duckdb");
        Analytics.Model.SnapshotPublisher.Publish(f.Warehouse.Connection, snapshot);
        using var reader = new DuckDB.NET.Data.DuckDBConnection($"DataSource={snapshot};ACCESS_MODE=READ_ONLY");
        reader.Open();
        var names = new[] { "甲", "乙", "丙", "丁", "戊", "己", "庚" };
        var ids = new[] { "M1", "M2", "M3", "M4", "S1", "S2", "S3" };
        var columns = reader.Query("select schema_name, table_name, column_name from duckdb_columns() where database_name = current_database() and data_type = 'VARCHAR'",
            r => (r.GetString(0), r.GetString(1), r.GetString(2)));
        Assert.NotEmpty(columns);
        foreach (var (schema, table, column) in columns)
        {
            var values = reader.Query($"select distinct \"{column}\" from \"{schema}\".\"{table}\" where \"{column}\" is not null", r => r.GetString(0));
            Assert.DoesNotContain(values, v => names.Any(v.Contains));
            // Pledge item codes (S1–S7) are spelled like this fixture's student numbers: only they may match.
            if (column != "item") Assert.DoesNotContain(values, ids.Contains);
        }
    }
}

/// <summary>The evaluators' 台账 in the snapshot: each activity with its attendance, and each obligation with what met it.</summary>
public class EvaluatorLedgerMartTests(BranchMonthFixture f) : IClassFixture<BranchMonthFixture>
{
    [Fact]
    public void ActivityFacts_CountEachStatus_AndKeepTheLedgersOwnFigures()
    {
        Assert.Equal(["A1|B01|2026-01|3|0|1|true", "A4|B01|2026-03|1|1|0|true", "A5|B03|2026-03|1|0|0|false"], f.Warehouse.Strings("""
            select activity_id || '|' || unit_id || '|' || month_id || '|' || n_present_records || '|' || n_leave_records || '|' || n_absent_records || '|' || is_org_life
            from marts.activity_facts where activity_id in ('A1', 'A4', 'A5') order by 1
            """));
        Assert.Equal(["主题党日", "支部党员大会"], f.Warehouse.Strings("select unnest(activity_types) from marts.activity_facts where activity_id = 'A4' order by 1"));
        Assert.Equal("2", f.Warehouse.Strings("select coalesce(cast(n_participants as varchar), 'null') from marts.activity_facts where activity_id = 'A4'").Single());
    }

    [Fact]
    public void Obligations_SayWhichActivitiesMetEachPeriod()
    {
        // B01 held its January 主题党日 (A1) and no February one; its first-quarter 支部党员大会 was A4 in March.
        Assert.Equal(["2026-01-01|1|true|[A1]", "2026-02-01|0|false|[]"], f.Warehouse.Strings("""
            select strftime(period_start, '%Y-%m-%d') || '|' || n_held || '|' || is_met || '|' || cast(activity_ids as varchar)
            from marts.org_life_obligations where branch_id = 'B01' and rule_id = 'theme_day_monthly' and period_start between '2026-01-01' and '2026-02-28' order by 1
            """));
        Assert.Equal("[A4]", f.Warehouse.Strings("select cast(activity_ids as varchar) from marts.org_life_obligations where branch_id = 'B01' and rule_id = 'general_assembly_quarterly' and period_start = '2026-01-01'").Single());
        // February is 寒假 in the academic calendar: the row says so.
        Assert.Equal("true", f.Warehouse.Strings("select distinct cast(is_break_month as varchar) from marts.org_life_obligations where month_id = '2026-02'").Single());
    }
}
