using Analytics.Reports.Document;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Writing;

internal static class SectionParts
{
    /// <summary>
    /// A section heading, kept on one page with what comes first under it. The query behind each section is listed in
    /// the evaluators' appendix (数据说明), not under the heading: a reader of the report needs no file names.
    /// </summary>
    public static void Heading(ColumnDescriptor c, string text, Action<ColumnDescriptor>? first = null) =>
        c.Item().ShowEntire().Column(block =>
        {
            block.Item().Padding(0, 10, 0, 0).Text(text, Styles.Heading);
            first?.Invoke(block);
        }, spacing: 3);

    /// <summary>
    /// A branch's name as a table shows it: in its own college's report without the college's name, which the page
    /// already says (学生第二党支部), so that a name does not wrap and leave 部 alone on a line.
    /// </summary>
    public static string BranchName(ReportContext x, object? name)
    {
        var full = F.Text(name);
        if (x.IsSchool) return full;
        var shorter = full.Replace(x.UnitName.Replace("党总支", ""), "");
        return shorter.Length > 0 ? shorter : full;
    }

    public static void Empty(ColumnDescriptor c, string text) => c.Item().Text(text, Styles.Body);
}
