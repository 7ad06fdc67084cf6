using System.Globalization;
using Analytics.Reports.Charts;
using Analytics.Reports.Document;
using Analytics.Reports.Writing;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Yearly;

/// <summary>三、年度走势: the composite score, participation and compliance month by month.</summary>
internal sealed class YearTrajectorySection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var rows = x.Rows("year_trajectory");
        if (rows.Count == 0) { SectionParts.Heading(c, "三、年度走势"); SectionParts.Empty(c, "本年度没有月度数据。"); return; }
        double? Pct(object? v) => F.Number(v) * 100;
        var labels = rows.Rows.Select(r => $"{int.Parse(F.Text(r["month_id"])[5..], CultureInfo.InvariantCulture)}月").ToList();
        var plot = LineChart.Build(new LineChartData($"{x.Period}年逐月走势", labels,
        [
            new LineSeries("综合得分", rows.Rows.Select(r => F.Number(r["composite_score"])).ToList()),
            new LineSeries("党员参与率（%）", rows.Rows.Select(r => Pct(r["participation_rate"])).ToList()),
            new LineSeries("三会一课按期完成率（%）", rows.Rows.Select(r => Pct(r["org_life_compliance"])).ToList()),
        ], "得分 / 百分比"));
        var scores = rows.Rows.Select(r => (Month: F.Month(F.Text(r["month_id"])), Score: F.Number(r["composite_score"]))).Where(s => s.Score is not null).ToList();
        SectionParts.Heading(c, "三、年度走势", b => b.Item().Drawing("trajectory", 210, x.Chart("trajectory", plot, 500, 210)));
        if (scores.Count > 0)
        {
            var best = scores.MaxBy(s => s.Score)!;
            var worst = scores.MinBy(s => s.Score)!;
            c.Item().Text($"综合得分由{scores[0].Month}的 {F.Score(scores[0].Score)} 变为{scores[^1].Month}的 {F.Score(scores[^1].Score)}；全年最高为{best.Month}的 {F.Score(best.Score)}，最低为{worst.Month}的 {F.Score(worst.Score)}。", Styles.Body);
        }
    }
}
