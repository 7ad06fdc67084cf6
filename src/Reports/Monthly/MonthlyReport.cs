using Analytics.Reports.Writing;
using Analytics.Reports.Charts;
using Analytics.Reports.Document;

namespace Analytics.Reports.Monthly;

/// <summary>Composes a monthly assessment: the school's (every college) or one college's (branch by branch).</summary>
public static class MonthlyReport
{
    private static readonly IReportSection[] SchoolSections =
        [new CoverSection(), new SummarySection(), new KpiSection(), new RankingSection(), new FlagsSection(), new PledgeSection(), new CoverageSection(), new InfluenceSection(), new DataQualitySection(), new AppendixSection()];

    private static readonly IReportSection[] CollegeSections =
        [new CoverSection(), new SummarySection(), new CollegeTodoSection(), new KpiSection(), new RankingSection(), new FlagsSection(), new PledgeSection(), new CoverageSection(), new InfluenceSection(), new AppendixSection()];

    public static PageSetup Compose(ReportContext context) =>
        Page(context, $"{(context.IsSchool ? "学校" : context.UnitName)}月度评估 · {Format.Month(context.Period)}", context.IsSchool ? SchoolSections : CollegeSections);

    /// <summary>The frame every report shares: the running header, "page x of y", and the sections one after another.</summary>
    internal static PageSetup Page(ReportContext context, string title, IEnumerable<IReportSection> sections)
    {
        var page = new PageSetup();
        page.Header.Text($"景德镇学院“窑火红”党建品牌 · {title}", new TextStyle(8.5f, Palette.KilnRed), TextAlign.Left);
        page.Footer.PageNumber("第 {page} 页 / 共 {total} 页", new TextStyle(8.5f, Palette.Ink));
        page.Content.Column(column =>
        {
            foreach (var section in sections) section.Compose(column, context);
        }, spacing: 6);
        return page;
    }
}
