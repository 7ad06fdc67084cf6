using Analytics.Service;
using Analytics.Service.Commands;
using Analytics.Tests.Model;

namespace Analytics.Tests.Service.Commands;

/// <summary>The example queries run through <c>analytics sql</c> against the fixture's published snapshot.</summary>
public class SqlCommandTests(BranchMonthFixture f) : IClassFixture<BranchMonthFixture>
{
    private AnalyticsSettings Settings()
    {
        var snapshot = Path.Combine(f.Warehouse.Root, "snapshot.duckdb");
        if (!File.Exists(snapshot)) Analytics.Model.SnapshotPublisher.Publish(f.Warehouse.Connection, snapshot);
        return new AnalyticsSettings { DataDir = f.Warehouse.Root, QueriesDir = Path.Combine(AppContext.BaseDirectory, "queries") };
    }

    public static TheoryData<string> Examples() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "queries", "examples"), "*.sql").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Examples))]
    public void ExampleQuery_Runs(string file)
    {
        var output = new StringWriter();
        Assert.Equal(0, SqlCommand.Run(Settings(), output, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "queries", "examples", file)), "table"));
        Assert.Matches(@"\(\d+ rows?\)", output.ToString());
    }

    [Fact]
    public void ThreeMonthsUnderSixtyPercent_FindsTheBranchThatNeverReachedIt()
    {
        // B02: 1/3, 0, 0; B01 and B03 reach 60% at least once (B03's first two months have no rate).
        var output = new StringWriter();
        SqlCommand.Run(Settings(), output, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "queries", "examples", "branches_low_participation_three_months.sql")), "csv");
        Assert.Equal("branch_id,branch_name,college_id,participation_last_3_months\nB02,学生第一党支部,C01,\"[0.33, 0, 0]\"\n", output.ToString().Replace("\r", ""));
    }

    [Fact]
    public void Json_HasOneObjectPerRow()
    {
        var output = new StringWriter();
        SqlCommand.Run(Settings(), output, "select branch_id, n_active_members from marts.branch_month where month_id = '2026-01' order by 1", "json");
        Assert.Contains("\"branch_id\": \"B01\"", output.ToString());
        Assert.Contains("\"n_active_members\": 4", output.ToString()); // a number, not a string
        Assert.Equal(3, output.ToString().Split("branch_id").Length - 1);
    }
}
