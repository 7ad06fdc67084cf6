using Analytics.Warehouse;

namespace Analytics.Tests.Warehouse;

public class MonthTests
{
    [Theory]
    [InlineData("2026-03", 2026, 3)]
    [InlineData("1999-12", 1999, 12)]
    public void Parse_ReadsTheMartsMonthId_AndWritesItBack(string text, int year, int number)
    {
        var month = Month.Parse(text);
        Assert.Equal(new Month(year, number), month);
        Assert.Equal(text, month.ToString());
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-3-1")]
    [InlineData("26-03")]
    [InlineData("March")]
    public void Parse_RefusesWhatIsNoMonth_QuotingIt(string text) =>
        Assert.Contains($"'{text}'", Assert.Throws<FormatException>(() => Month.Parse(text)).Message);

    [Fact]
    public void Arithmetic_CrossesYears()
    {
        Assert.Equal(new Month(2027, 1), new Month(2026, 12).Next());
        Assert.Equal(new Month(2025, 12), new Month(2026, 1).Previous());
        Assert.Equal(new Month(2024, 11), new Month(2026, 2).AddMonths(-15));
        Assert.Equal(new DateOnly(2028, 2, 29), new Month(2028, 2).LastDay);
        Assert.True(new Month(2025, 12) < new Month(2026, 1));
        Assert.Equal(new Month(2026, 7), Month.Of(new DateOnly(2026, 7, 31)));
    }
}
