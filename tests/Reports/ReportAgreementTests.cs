using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Reports.Document;
using Analytics.Reports.Monthly;
using Analytics.Reports.Writing;
using Analytics.Tests.Flags;
using Analytics.Tests.Support;
using Analytics.Warehouse;

namespace Analytics.Tests.Reports;

/// <summary>
/// The demo's October 2026 PDFs read back with pdftotext: a figure that stands in two places says the same in both,
/// additive figures of the colleges add up to the school's, and every page but the last is worth turning to.
/// </summary>
public class ReportAgreementTests(DemoFlagFixture f) : IClassFixture<DemoFlagFixture>
{
    private static readonly Month October = new(2026, 10);

    private IReadOnlyList<WrittenReport> Render(string name) =>
        new ReportWriter(f.Warehouse.Connection, f.Queries, Path.Combine(f.Warehouse.Root, name), FontLocator.Find()).Write(October);

    private static string Layout(string pdf) => Tool.Run("pdftotext", "-layout", pdf, "-");
    private static string Flat(string pdf) => string.Concat(Tool.Run("pdftotext", pdf, "-").Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void RankingSummaryAndWarnings_AgreeWithEachOther_AndWithTheMarts()
    {
        var reports = Render("agreement");
        var school = Flat(reports[0].Path);

        // The ranking table: each college's score and grade as the mart has them, formatted once.
        foreach (var (name, score, grade) in f.Warehouse.Connection.Query(
                     "select college_name, composite_score, grade from marts.college_month where month_id = '2026-10'",
                     r => (r.GetString(0), r.GetDouble(1), r.GetString(2))))
            Assert.Contains($"{name}{Format.Score(score)}{grade}", school);

        // The 综述's count of branches under warning is the 预警支部 section's and the flags mart's.
        var flagged = f.Warehouse.Scalar<long>("select count(*) from marts.branch_flags where month_id = '2026-10' and is_flagged");
        Assert.True(flagged > 0, "the demo flags some branches in October");
        Assert.Contains($"本月{flagged}个支部处于预警", school);
        Assert.Contains($"本月共{flagged}个支部触发预警", school);

        // The school's score in the 综述 is the KPI table's and the mart's.
        var schoolScore = Format.Score(f.Warehouse.Scalar<double>("select composite_score from marts.school_month where month_id = '2026-10'"));
        Assert.Contains($"全校月度综合得分{schoolScore}", school);
        Assert.Contains($"月度综合得分{schoolScore}（", school);
    }

    [Fact]
    public void PageImages_OfTheSchoolAndOneCollege_AreWrittenForAPersonToLookAt()
    {
        var reports = Render("pages");
        var pages = Path.Combine(SiteTests.RepositoryRoot(), "tests", "TestResults", "report-pages");
        Directory.CreateDirectory(pages);
        foreach (var file in Directory.GetFiles(pages, "*.png")) File.Delete(file);
        foreach (var report in new[] { reports[0], reports.Single(r => r.Path.EndsWith("college-C01.pdf")) })
        {
            var stem = Path.Combine(pages, Path.GetFileNameWithoutExtension(report.Path));
            Tool.Run("pdftoppm", null, CliProcess.HangLimit, check: true, "-r", "60", "-png", report.Path, stem);
            Assert.Equal(report.Pages, Directory.GetFiles(pages, Path.GetFileName(stem) + "-*.png").Length);
        }
    }

    [Fact]
    public void CollegeMembers_AddUpToTheSchools_AcrossThePdfs()
    {
        var reports = Render("members");
        int Members(string pdf) => int.Parse(Regex.Match(Flat(pdf), @"在册党员([\d,]+)名").Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture);
        var school = Members(reports[0].Path);
        Assert.Equal(school, reports.Skip(1).Sum(r => Members(r.Path)));
        Assert.Equal(f.Warehouse.Scalar<long>("select n_active_members from marts.school_month where month_id = '2026-10'"), school);
    }

    [Fact]
    public void DataQuality_ReadEqualsLoadedPlusQuarantinedPlusDuplicates_OnEveryLedgerRow()
    {
        var text = Layout(Render("quality")[0].Path);
        var ledgers = new[] { "组织架构", "党员名册", "活动台账", "签到表", "七一八一承诺", "宣传稿件", "述职评议" };
        // The table's rows: a ledger's name, then its counts and the last load's date (the KPI line 宣传稿件 / 阅读量 is not one).
        var rows = text.Split('\n').Select(l => l.Trim())
            .Where(l => ledgers.Any(n => l.StartsWith(n + " ", StringComparison.Ordinal)) && Regex.IsMatch(l, @"\d{4}-\d{2}-\d{2}$")).ToList();
        Assert.Equal(ledgers.Length, rows.Count);
        foreach (var row in rows)
        {
            var n = Regex.Matches(row, @"(?<![\d-])[\d,]+(?![\d-])").Select(m => long.Parse(m.Value.Replace(",", ""), CultureInfo.InvariantCulture)).ToList();
            // files, read, loaded, quarantined, duplicates (then the date, excluded by the pattern)
            Assert.True(n.Count >= 5, row);
            Assert.Equal(n[1], n[2] + n[3] + n[4]);
        }
    }

    [Theory]
    [InlineData("school")]
    [InlineData("C01")]
    public void EveryPageButTheLast_IsAtLeastAThirdFull_AndNoPageEndsOnAHeading(string unit)
    {
        var name = unit == "school" ? "学校" : f.Warehouse.Scalar<string>("select college_name from marts.college_month where college_id = ? limit 1", unit)!;
        var context = new ReportContext(new ReportQuery(f.Warehouse.Connection, f.Queries), October.ToString(), unit, name,
            new DateTime(2026, 11, 24), Path.Combine(f.Warehouse.Root, "density-charts"), FontLocator.Find());
        var setup = MonthlyReport.Compose(context);
        var (pages, items) = RecordingCanvas.Record(setup);
        var top = setup.Margin;
        var bottom = setup.PageSize.Height - setup.Margin;
        for (var page = 1; page <= pages; page++)
        {
            var content = items.Where(i => i.Page == page && i.Y > top + 12 && i.Y < bottom - 12).ToList(); // leave out the running header and footer
            Assert.NotEmpty(content);
            if (page < pages)
            {
                var fill = (content.Max(i => i.Kind == "text" ? i.Y : i.Y + i.Height) - top) / (bottom - top);
                Assert.True(fill >= 1 / 3.0, $"{unit} page {page} of {pages} is {fill:P0} full");
            }
            var last = content.OrderBy(i => i.Y).Last();
            Assert.False(last.Kind == "text" && last.Height == 14 /* Styles.Heading */, $"{unit} page {page} ends on the heading '{last.Label}'");
        }
    }
}
