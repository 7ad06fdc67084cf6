using Analytics.Reports.Document;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Writing;

/// <summary>A part of a monthly report that composes itself into the report's column.</summary>
internal interface IReportSection
{
    void Compose(ColumnDescriptor column, ReportContext context);
}
