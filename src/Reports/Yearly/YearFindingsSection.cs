using Analytics.Reports.Document;
using Analytics.Reports.Writing;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Yearly;

/// <summary>四、优势与不足: sentences generated from the figures (YearFindings).</summary>
internal sealed class YearFindingsSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var o = YearOverview.Of(x);
        SectionParts.Heading(c, "四、优势与不足");
        if (o.Unit is not { } u) { SectionParts.Empty(c, "本年度没有评估数据。"); return; }
        var findings = x.IsSchool ? YearFindings.ForSchool(u) : YearFindings.ForCollege(u, o.Median ?? []);
        c.Item().Text("优势：", Styles.Body);
        foreach (var s in findings.Strengths) c.Item().Padding(12, 0, 0, 0).Text("· " + s, Styles.Body);
        c.Item().Text("不足：", Styles.Body);
        foreach (var s in findings.Shortfalls) c.Item().Padding(12, 0, 0, 0).Text("· " + s, Styles.Body);
    }
}
