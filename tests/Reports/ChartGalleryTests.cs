using Analytics.Reports.Charts;
using Analytics.Reports.Document;
using SkiaSharp;

namespace Analytics.Tests.Reports;

/// <summary>
/// Every chart kind the reports draw, written to tests/TestResults/chart-gallery/ for a person to look at (ScottPlot's
/// own habit): the ranking bars with grade lines, value labels and laggards in kiln red, a plain bar chart, the
/// 12-month line chart and the heat map with its legend and zeros.
/// </summary>
public class ChartGalleryTests
{
    private static readonly string Gallery = Path.Combine(SiteTests.RepositoryRoot(), "tests", "TestResults", "chart-gallery");

    private static string Png(string name, ScottPlot.Plot plot, int width, int height)
    {
        Directory.CreateDirectory(Gallery);
        var path = Path.Combine(Gallery, name + ".png");
        plot.SavePng(path, width, height);
        return path;
    }

    private static string Png(string name, float width, float height, Action<SKCanvas, Size> draw)
    {
        Directory.CreateDirectory(Gallery);
        var path = Path.Combine(Gallery, name + ".png");
        using var surface = SKSurface.Create(new SKImageInfo((int)width * 2, (int)height * 2));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.Scale(2);
        draw(surface.Canvas, new Size(width, height));
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        using (var file = File.Create(path)) data.SaveTo(file);
        return path;
    }

    private static void AssertPicture(string path, int width, int height)
    {
        using var bitmap = SKBitmap.Decode(path);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        // Something is drawn in kiln red or ink, not a blank canvas.
        var colours = Enumerable.Range(0, 200).SelectMany(i => new[] { bitmap.GetPixel(i * bitmap.Width / 200, bitmap.Height / 2), bitmap.GetPixel(bitmap.Width / 2, i * bitmap.Height / 200) })
            .Distinct().Count();
        Assert.True(colours > 3, $"{path} looks blank ({colours} colours on its centre lines)");
    }

    [Fact]
    public void EveryChartKind_IsWrittenForAPersonToLookAt()
    {
        ReportFont.UseForCharts(FontLocator.Find());
        var names = new[] { "教育", "信息工程", "机械电子工程", "机关党委", "外国语", "人文", "陶瓷美术", "设计艺术" };
        var scores = new[] { 89.9, 89.5, 87.6, 86.8, 86.3, 85.1, 78.6, 69.8 };
        var ranking = BarChart.Build(new BarChartData("各学院月度综合得分", names, scores, "月度综合得分", Horizontal: true,
            Highlighted: scores.Select(s => s < 72).ToList(), Lines: [(58, "一般 58.0"), (72, "较好 72.0"), (85, "好 85.0")], ValueFrom: 50, ValueFormat: "0.0"));
        AssertPicture(Png("ranking-bars", ranking, 1000, 420), 1000, 420);

        var plain = BarChart.Build(new BarChartData("七一/八一工程各事项完成率", ["带领学生做一个课题", "开展一次谈心谈话", "暑期三下乡"], [0.42, 0.77, 0.31], "完成率"));
        AssertPicture(Png("plain-bars", plain, 800, 400), 800, 400);

        var months = Enumerable.Range(1, 12).Select(m => $"2026年{m}月").ToList();
        var line = LineChart.Build(new LineChartData("2026年逐月走势", months,
            [new LineSeries("月度综合得分", months.Select((_, i) => (double?)(80 + 5 * Math.Sin(i))).ToList()),
             new LineSeries("党员参与率（%）", months.Select((_, i) => i == 7 ? null : (double?)(90 + 3 * Math.Cos(i))).ToList())], "得分 / 百分比"));
        AssertPicture(Png("trend-line", line, 1000, 420), 1000, 420);

        var values = new double[,] { { 3, 0, 1, 7 }, { 0, 0, 2, 1 }, { 5, 4, 0, 0 } };
        var heat = new HeatMapData(["教工第一党支部", "学生第一党支部", "学生第二党支部"], ["红歌会", "志愿服务", "校地合作", "红色微党课"], values, "次（本年累计开展次数）");
        var typeface = ReportFont.Get(FontLocator.Find());
        AssertPicture(Png("heat-map", 500, HeatMapChart.Height(heat), HeatMapChart.Drawer(heat, typeface)), 1000, (int)HeatMapChart.Height(heat) * 2);

        Assert.Equal(4, Directory.GetFiles(Gallery, "*.png").Length);
    }
}
