using Analytics.Ingest.Contracts;

namespace Analytics.Tests.Ingest.Contracts;

public class HeaderMatcherTests
{
    private readonly HeaderMatcher _matcher = new();

    [Theory]
    [InlineData("组织编号,组织名称,组织类型", LedgerKind.OrgUnits)]
    [InlineData("党员编号,姓名,人员类别,所在支部编号,转入日期", LedgerKind.Members)]
    [InlineData("活动编号,组织编号,活动日期,活动类型", LedgerKind.Activities)]
    [InlineData("activity_id,member_id,status", LedgerKind.Attendance)]
    [InlineData("党员编号,工程,年度,承诺事项", LedgerKind.Pledges)]
    [InlineData("稿件编号,组织编号,发布日期,渠道", LedgerKind.Publicity)]
    [InlineData("组织编号,年度,评议等次", LedgerKind.Evaluations)]
    [InlineData("\uFEFF Activity_ID ,MEMBER_ID,出勤状态", LedgerKind.Attendance)]
    public void Header_IsRecognisedByItsColumns(string header, LedgerKind expected) =>
        Assert.Equal(expected, _matcher.Match(header.Split(',')).Contract.Kind);

    [Fact]
    public void UnknownColumns_AreKeptAsIgnored()
    {
        var match = _matcher.Match(["活动编号", "党员编号", "出勤状态", "备注"]);
        Assert.Equal(["备注"], match.IgnoredHeaders);
        Assert.Equal(["activity_id", "member_id", "status", null], match.CanonicalByPosition);
    }

    [Fact]
    public void AliasForAnUnknownLedger_IsAConfigurationError()
    {
        var ex = Assert.Throws<ArgumentException>(() => new HeaderMatcher(new Dictionary<string, Dictionary<string, string[]>> { ["meetings"] = new() }));
        Assert.Contains("unknown ledger 'meetings'", ex.Message);
    }
}
