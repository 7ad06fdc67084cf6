using Analytics.Warehouse;
using System.Security.Cryptography;
using Analytics.Reports.Document;
using Analytics.Reports.Monthly;
using Analytics.Reports.Writing;
using Analytics.Tests.Flags;

using Analytics.Tests.Support;

namespace Analytics.Tests.Reports;

/// <summary>The demo's October 2026 assessments, rendered from a real warehouse and read back with poppler and qpdf.</summary>
public class MonthlyReportTests(DemoFlagFixture f) : IClassFixture<DemoFlagFixture>
{
    private string ReportsDir => Path.Combine(f.Warehouse.Root, "reports");

    private IReadOnlyList<WrittenReport> Render(string dir) =>
        new ReportWriter(f.Warehouse.Connection, f.Queries, dir, FontLocator.Find()).Write(new Month(2026, 10));


    [Fact]
    public void SchoolAndEveryCollege_ReadBackInChinese_WithOnlyEmbeddedTrueTypeFonts_UnderOneMegabyte()
    {
        var reports = Render(ReportsDir);

        Assert.Equal(14, reports.Count); // the school and its 13 党总支
        var school = reports[0];
        Assert.EndsWith(Path.Combine("2026-10", "school.pdf"), school.Path);
        var text = string.Concat(Tool.Run("pdftotext", school.Path, "-").Where(c => !char.IsWhiteSpace(c)));
        foreach (var expected in new[] { "景德镇学院“窑火红”党建特色品牌", "月度评估报告", "2026年10月", "综述", "全校月度综合得分", "一、主要指标", "二、学院排名", "三、预警支部",
                     "四、七一/八一工程进展", "五、品牌活动覆盖", "六、宣传与影响", "七、数据质量", "陶瓷美术学院党总支", "北汽集团昌河汽车学院党总支",
                     "附录数据说明", "queries/reports/college_ranking.sql", $"第1页/共{school.Pages}页", $"第{school.Pages}页/共{school.Pages}页" })
            Assert.Contains(expected, text);
        // The 综述 opens page 1 (no cover page alone).
        Assert.Contains("综述", string.Concat(Tool.Run("pdftotext", "-f", "1", "-l", "1", school.Path, "-").Where(c => !char.IsWhiteSpace(c))));
        var college = reports.Single(r => r.Path.EndsWith("college-C01.pdf"));
        var collegeText = string.Concat(Tool.Run("pdftotext", college.Path, "-").Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("陶瓷美术学院党总支月度评估报告", collegeText);
        var (rank, colleges) = f.Warehouse.Connection.Query("select rank_among_peers, n_peers from marts.college_month where college_id = 'C01' and month_id = '2026-10'",
            r => (r.GetInt64(0), r.GetInt64(1))).Single();
        Assert.Contains($"在全校{colleges}个学院中排第{rank}位", collegeText);

        // Nothing a reader sees before the evaluators' appendix names a file, a query, a table or a model.
        foreach (var body in new[] { text, collegeText }.Select(t => t[..t.IndexOf("附录数据说明", StringComparison.Ordinal)]))
            foreach (var developer in new[] { "queries/", ".sql", "marts.", "ops.", "lagging-", "catalogues/", "analytics" })
                Assert.DoesNotContain(developer, body);
        var info = Tool.Run("pdfinfo", school.Path);
        Assert.Contains("窑火红党建品牌数据分析", info);
        Assert.Contains("景德镇学院党委组织部", info);

        foreach (var r in reports)
        {
            Assert.True(r.Bytes <= 1_048_576, $"{r.Path}: {r.Bytes} bytes");
            Assert.Empty(r.MissingCharacters);
            var fonts = Tool.Run("pdffonts", r.Path).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
            Assert.Single(fonts); // one font: the charts share the document's typeface
            Assert.Contains("CID TrueType", fonts[0]);
            Assert.Contains("No syntax or stream encoding errors", Tool.Run("qpdf", "--check", r.Path));
        }
        // Every chart is also saved as PNG and SVG.
        Assert.True(File.Exists(Path.Combine(ReportsDir, "2026-10", "charts", "school-ranking.png")));
        Assert.True(File.Exists(Path.Combine(ReportsDir, "2026-10", "charts", "school-ranking.svg")));
    }

    [Fact]
    public void SameWarehouseAndMonth_GiveTheSameBytes()
    {
        var a = Render(Path.Combine(f.Warehouse.Root, "reports-a"));
        var b = Render(Path.Combine(f.Warehouse.Root, "reports-b"));
        Assert.Equal(a.Select(r => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(r.Path)))),
            b.Select(r => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(r.Path)))));
    }

    [Fact]
    public void MonthWithoutFigures_IsAPlainError()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            new ReportWriter(f.Warehouse.Connection, f.Queries, ReportsDir, FontLocator.Find()).Write(new Month(2030, 1)));
        Assert.Contains("no figures for 2030-01", ex.Message);
    }

    [Fact]
    public void EveryMonthlyReportQuery_RunsOnTheEvaluatorsSnapshot_ExceptDataQualityTimelinessAndTheDataStamp()
    {
        var snapshot = Path.Combine(f.Warehouse.Root, "report-snapshot.duckdb");
        Analytics.Model.SnapshotPublisher.Publish(f.Warehouse.Connection, snapshot);
        foreach (var file in Directory.GetFiles(Path.Combine(f.Queries, "reports"), "*.sql").Where(p => Path.GetFileName(p) is not ("data_quality.sql" or "data_stamp.sql" or "ledger_timeliness.sql") && !Path.GetFileName(p).StartsWith("year_")))
        {
            var sql = File.ReadAllText(file).Replace(":month", "'2026-10'").Replace(":unit", "'school'");
            Assert.NotNull(Analytics.Model.ReadOnlyQuery.Run(snapshot, sql));
        }
    }
}
