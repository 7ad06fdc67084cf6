using Analytics.Reports.Writing;
using Analytics.Reports.Charts;
using Analytics.Reports.Document;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Monthly;

/// <summary>封面: the programme, the unit, the month and the data's as-of date.</summary>
internal sealed class CoverSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        c.Item().Padding(0, 120, 0, 0).Text("景德镇学院“窑火红”党建特色品牌", new TextStyle(16, Palette.Ink), TextAlign.Center);
        c.Item().Padding(0, 12, 0, 0).Text(x.IsSchool ? "月度评估报告" : $"{x.UnitName} 月度评估报告", Styles.Title, TextAlign.Center);
        c.Item().Padding(0, 18, 0, 0).Text(F.Month(x.Period), Styles.Big, TextAlign.Center);
        c.Item().Padding(0, 220, 0, 0).Text($"数据截至 {x.AsOf:yyyy年M月d日}", Styles.Body, TextAlign.Center);
        c.Item().Text("景德镇学院党委组织部 · 窑火红数据分析", Styles.Note, TextAlign.Center);
        c.Item().PageBreak();
    }
}
