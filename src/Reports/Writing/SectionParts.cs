using Analytics.Reports.Document;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Writing;

internal static class SectionParts
{
    /// <summary>
    /// A section heading with the query that reproduces the section's tables and charts from the evaluators'
    /// snapshot, kept on one page with what comes first under it.
    /// </summary>
    public static void Heading(ColumnDescriptor c, string text, string? query, Action<ColumnDescriptor>? first = null) =>
        c.Item().ShowEntire().Column(block =>
        {
            block.Item().Padding(0, 10, 0, 0).Text(text, Styles.Heading);
            if (query is not null) block.Item().Text($"数据来源：{ReportQuery.Reference(query)}（可在评估快照中复现）", Styles.Note);
            first?.Invoke(block);
        }, spacing: 3);

    public static void Empty(ColumnDescriptor c, string text) => c.Item().Text(text, Styles.Body);
}
