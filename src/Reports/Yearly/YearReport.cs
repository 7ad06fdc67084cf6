using Analytics.Reports.Document;
using Analytics.Reports.Monthly;
using Analytics.Reports.Writing;

namespace Analytics.Reports.Yearly;

/// <summary>
/// Composes a year-end brand assessment (the plan's 品牌管理: 组织实施, 目标任务, 实际成效, 社会效应): a college's, for
/// its secretary's 述职评议, or the school's, comparing the colleges.
/// </summary>
public static class YearReport
{
    private static readonly IReportSection[] SchoolSections =
        [new YearCoverSection(), new YearScoresSection(), new YearComparisonSection(), new YearTrajectorySection(), new YearFindingsSection(), new YearFlagsSection(), new AppendixSection()];

    private static readonly IReportSection[] CollegeSections =
        [new YearCoverSection(), new YearScoresSection(), new YearComponentsSection(), new YearTrajectorySection(), new YearFindingsSection(), new YearFlagsSection(), new AppendixSection()];

    public static PageSetup Compose(ReportContext context) =>
        MonthlyReport.Page(context, $"{(context.IsSchool ? "学校" : context.UnitName)}年度品牌评估 · {context.Period}年度", context.IsSchool ? SchoolSections : CollegeSections);
}
