using Analytics.Reports.Charts;
using Analytics.Reports.Document;
using Analytics.Reports.Monthly;

namespace Analytics.Reports.Yearly;

/// <summary>
/// Composes a year-end brand assessment (the plan's 品牌管理: 组织实施, 目标任务, 实际成效, 社会效应): a college's, for
/// its secretary's 述职评议, or the school's, comparing the colleges.
/// </summary>
public static class YearReport
{
    private static readonly IReportSection[] SchoolSections =
        [new YearCoverSection(), new YearScoresSection(), new YearComparisonSection(), new YearTrajectorySection(), new YearFindingsSection(), new YearFlagsSection()];

    private static readonly IReportSection[] CollegeSections =
        [new YearCoverSection(), new YearScoresSection(), new YearComponentsSection(), new YearTrajectorySection(), new YearFindingsSection(), new YearFlagsSection()];

    public static PageSetup Compose(ReportContext context)
    {
        var page = new PageSetup();
        page.Header.Text($"景德镇学院“窑火红”党建品牌 · {(context.IsSchool ? "学校" : context.UnitName)}年度品牌评估 · {context.Period}年度",
            new TextStyle(8.5f, Palette.KilnRed), TextAlign.Left);
        page.Footer.PageNumber("第 {page} 页 / 共 {total} 页", new TextStyle(8.5f, Palette.Ink));
        page.Content.Column(column =>
        {
            foreach (var section in context.IsSchool ? SchoolSections : CollegeSections) section.Compose(column, context);
        }, spacing: 6);
        return page;
    }
}
