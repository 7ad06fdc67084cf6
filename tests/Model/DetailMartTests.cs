using Analytics.Ingest.Warehouse;

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
