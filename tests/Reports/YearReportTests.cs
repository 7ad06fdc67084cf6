using System.Security.Cryptography;
using Analytics.Warehouse;
using Analytics.Reports.Document;
using Analytics.Reports.Monthly;
using Analytics.Reports.Writing;
using Analytics.Reports.Yearly;
using Analytics.Tests.Flags;

using Analytics.Tests.Support;

namespace Analytics.Tests.Reports;

/// <summary>The demo's 2026 year-end brand assessments (January to October), rendered from a real warehouse and read back.</summary>
public class YearReportTests(DemoFlagFixture f) : IClassFixture<DemoFlagFixture>
{
    private IReadOnlyList<WrittenReport> Render(string dir) =>
        new ReportWriter(f.Warehouse.Connection, f.Queries, dir, FontLocator.Find()).WriteYear(2026);


    private static string Text(string pdf) => string.Concat(Tool.Run("pdftotext", pdf, "-").Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void SchoolAndEveryCollege_ReadBackInChinese_WithTheFourDimensions_EmbeddedFonts_UnderOneMegabyte()
    {
        var dir = Path.Combine(f.Warehouse.Root, "reports-year");
        var reports = Render(dir);

        Assert.Equal(14, reports.Count);
        var school = Text(reports[0].Path);
        foreach (var expected in new[] { "年度品牌评估报告", "2026年度（1—10月）", "一、年度评估得分", "二、各学院比较", "三、年度走势", "四、优势与不足",
                     "五、预警支部及整改情况", "组织实施", "目标任务", "实际成效", "社会效应", "窑火丹青", "附录数据说明", "queries/reports/year_colleges.sql" })
            Assert.Contains(expected, school);
        var collegeReport = reports.Single(r => r.Path.EndsWith("college-C01.pdf"));
        var college = Text(collegeReport.Path);
        foreach (var expected in new[] { "陶瓷美术学院党总支年度品牌评估报告", "“一院一品”子品牌：窑火丹青", "供党组织书记述职评议考核参考", "二、分项指标",
                     "台账按月记录率", "课题、竞赛、创业承诺完成率", "优势：", "不足：", "学生第二党支部", "整改措施" })
            Assert.Contains(expected, college);
        // The figures printed are the mart's: C01's overall score and rank.
        var (score, rank) = f.Warehouse.Connection.Query("select overall_score, rank_among_colleges from marts.college_year where college_id = 'C01' and year = '2026'",
            r => (r.GetDouble(0), r.GetInt64(1))).Single();
        Assert.Contains($"年度品牌考核总分{Format.Score(score)}", college);
        Assert.Contains($"在13个学院中列第{rank}位", college);

        foreach (var r in reports)
        {
            Assert.True(r.Bytes <= 1_048_576, $"{r.Path}: {r.Bytes} bytes");
            Assert.Empty(r.MissingCharacters);
            var fonts = Tool.Run("pdffonts", r.Path).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
            Assert.Single(fonts);
            Assert.Contains("CID TrueType", fonts[0]);
            Assert.Contains("No syntax or stream encoding errors", Tool.Run("qpdf", "--check", r.Path));
        }
        Assert.True(File.Exists(Path.Combine(dir, "2026", "charts", "college-C01-trajectory.svg")));
    }

    [Fact]
    public void SameWarehouseAndYear_GiveTheSameBytes()
    {
        string Hash(WrittenReport r) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(r.Path)));
        Assert.Equal(Render(Path.Combine(f.Warehouse.Root, "year-a")).Select(Hash), Render(Path.Combine(f.Warehouse.Root, "year-b")).Select(Hash));
    }

    [Fact]
    public void YearWithoutFigures_IsAPlainError()
    {
        var writer = new ReportWriter(f.Warehouse.Connection, f.Queries, Path.Combine(f.Warehouse.Root, "none"), FontLocator.Find());
        Assert.Contains("no figures for 2031", Assert.Throws<InvalidOperationException>(() => writer.WriteYear(2031)).Message);
        Assert.Contains("not a year", Assert.Throws<FormatException>(() => Analytics.Service.Cli.PeriodArguments.Year("26")).Message);
    }

    /// <summary>The colleges' median of every figure the findings read.</summary>
    private static readonly Dictionary<string, object?> CollegesMedian = new()
    {
        ["score_implementation"] = 80.0, ["org_life_compliance_year"] = 0.8, ["attendance_rate_year"] = 0.9, ["ledger_completeness"] = 0.9,
        ["score_targets"] = 60.0, ["pledge_coverage_year"] = 0.6, ["pledge_completion_year"] = 0.3, ["activity_coverage_year"] = 0.5,
        ["score_results"] = 70.0, ["participation_rate_year"] = 0.9, ["outcome_completion"] = 0.5,
        ["score_social"] = 50.0,
    };

    [Fact]
    public void Findings_NameTheDimensionAndItsComponentFurthestFromTheMedian()
    {
        var median = CollegesMedian;
        var unit = new Dictionary<string, object?>(median)
        {
            ["score_implementation"] = 90.0, ["org_life_compliance_year"] = 1.0,    // +10: compliance the reason
            ["score_targets"] = 52.0, ["pledge_completion_year"] = 0.1,             // −8: completion the reason
            ["score_results"] = 71.0,                                               // within 3 points: neither
        };

        var findings = YearFindings.ForCollege(unit, median);

        Assert.Equal(["组织实施得分 90.0，高于各学院中位数 10.0 分，主要得益于“三会一课”按期完成率（100.0%，中位数 80.0%）。"], findings.Strengths);
        Assert.Equal(["目标任务得分 52.0，低于各学院中位数 8.0 分，主要差在承诺事项完成率（10.0%，中位数 30.0%）。"], findings.Shortfalls);
    }

    [Fact]
    public void Findings_NameTheWeakestDimension_EvenWhenNoneIsFarFromTheMedian()
    {
        var median = CollegesMedian;
        var unit = new Dictionary<string, object?>(median)
        {
            ["score_implementation"] = 81.0,                                   // +1: the relatively strongest
            ["score_results"] = 68.0, ["outcome_completion"] = 0.45,           // −2: the relatively weakest, outcomes the reason
        };

        var findings = YearFindings.ForCollege(unit, median);

        Assert.Equal(["没有低于各学院中位数 3.0 分以上的维度；相对最弱的是实际成效得分 68.0，低于各学院中位数 2.0 分，主要差在课题、竞赛、创业承诺完成率（45.0%，中位数 50.0%）。"],
            findings.Shortfalls);
        Assert.StartsWith("没有高于各学院中位数 3.0 分以上的维度；相对最好的是组织实施得分 81.0", findings.Strengths.Single());
    }

    [Fact]
    public void EveryYearQuery_RunsOnTheEvaluatorsSnapshot()
    {
        var snapshot = Path.Combine(f.Warehouse.Root, "year-snapshot.duckdb");
        Analytics.Model.SnapshotPublisher.Publish(f.Warehouse.Connection, snapshot);
        foreach (var file in Directory.GetFiles(Path.Combine(f.Queries, "reports"), "year_*.sql"))
            foreach (var unit in new[] { "'school'", "'C01'" })
                Assert.NotEmpty(Analytics.Model.ReadOnlyQuery.Run(snapshot, File.ReadAllText(file).Replace(":year", "'2026'").Replace(":unit", unit)).Rows);
    }
}
