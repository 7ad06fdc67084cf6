using Analytics.Reports.Writing;
using Analytics.Reports.Charts;
using Analytics.Reports.Document;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Monthly;

/// <summary>
/// The title block: the programme, the unit, the month and the data's as-of date, at the top of page 1 so that the
/// 综述 follows on the same page (a cover page alone tells the reader nothing).
/// </summary>
internal sealed class CoverSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        c.Item().Padding(0, 16, 0, 0).Text("景德镇学院“窑火红”党建特色品牌", new TextStyle(14, Palette.Ink), TextAlign.Center);
        c.Item().Padding(0, 6, 0, 0).Text(x.IsSchool ? "月度评估报告" : $"{x.UnitName} 月度评估报告", Styles.Title, TextAlign.Center);
        c.Item().Padding(0, 6, 0, 0).Text(F.Month(x.Period), Styles.Big, TextAlign.Center);
        c.Item().Padding(0, 6, 0, 0).Text($"数据截至 {x.AsOf:yyyy年M月d日} · 景德镇学院党委组织部", Styles.Note, TextAlign.Center);
    }
}
