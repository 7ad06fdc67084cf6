using Analytics.Reports.Charts;
using Analytics.Reports.Document;
using Analytics.Reports.Writing;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Yearly;

/// <summary>
/// The title block at the top of page 1 (the scores follow on the same page: a cover page alone tells the reader
/// nothing): the programme, the unit and its 一院一品 sub-brand, the year and the data's as-of date.
/// </summary>
internal sealed class YearCoverSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var o = YearOverview.Of(x);
        c.Item().Padding(0, 16, 0, 0).Text("景德镇学院“窑火红”党建特色品牌", new TextStyle(14, Palette.Ink), TextAlign.Center);
        c.Item().Padding(0, 6, 0, 0).Text(x.IsSchool ? "年度品牌评估报告" : $"{x.UnitName} 年度品牌评估报告", Styles.Title, TextAlign.Center);
        if (!x.IsSchool && o.Unit?["brand_project"] is { } brand)
            c.Item().Padding(0, 4, 0, 0).Text($"“一院一品”子品牌：{brand}", Styles.Big, TextAlign.Center);
        c.Item().Padding(0, 4, 0, 0).Text(o.PeriodText(x.Period), Styles.Big, TextAlign.Center);
        c.Item().Padding(0, 4, 0, 0).Text(x.IsSchool ? "组织实施 · 目标任务 · 实际成效 · 社会效应" : "供党组织书记述职评议考核参考", Styles.Body, TextAlign.Center);
        c.Item().Padding(0, 4, 0, 0).Text($"数据截至 {x.AsOf:yyyy年M月d日} · 景德镇学院党委组织部", Styles.Note, TextAlign.Center);
    }
}
