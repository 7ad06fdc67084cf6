using Analytics.Reports.Charts;
using SkiaSharp;

namespace Analytics.Tests.Reports;

/// <summary>
/// The markers of a dashed line (a college's fifth branch and on) are drawn whole and without the line's dash, which
/// Skia's SVG writer cannot apply to a circle and complained about on standard output once per marker.
/// </summary>
public class UndashedMarkerTests
{
    [Fact]
    public void DashedSeries_DrawTheirMarkersWithoutTheDash_AndWhole()
    {
        var months = Enumerable.Range(1, 12).Select(m => $"{m}月").ToList();
        var series = Enumerable.Range(1, 6).Select(b => new LineSeries($"第{b}党支部", months.Select((_, i) => (double?)(60 + b * 5 + i)).ToList())).ToList();
        var plot = LineChart.Build(new LineChartData("各支部走势", months, series, "得分"));
        var scatters = plot.GetPlottables<ScottPlot.Plottables.Scatter>().ToList();
        Assert.Equal(6, scatters.Count);
        // The first four are told apart by colour and drawn solid, the rest dashed with undashed markers.
        Assert.All(scatters.Take(4), s => Assert.Null(s.MarkerStyle.CustomRenderer));
        Assert.All(scatters.Skip(4), s => Assert.IsType<UndashedMarker>(s.MarkerStyle.CustomRenderer));

        // ScottPlot hands the marker the line's paint, dash and all: the marker clears the dash and fills its circle.
        using var surface = SKSurface.Create(new SKImageInfo(40, 40));
        surface.Canvas.Clear(SKColors.White);
        using var paint = ScottPlot.Paint.NewDisposablePaint();
        paint.SKPathEffect = SKPathEffect.CreateDash([10, 10], 0);
        var style = new ScottPlot.MarkerStyle(ScottPlot.MarkerShape.FilledCircle, 20, ScottPlot.Colors.Red);
        new UndashedMarker(ScottPlot.MarkerShape.FilledCircle).Render(surface.Canvas, paint, new ScottPlot.Pixel(20, 20), 20, style);
        Assert.Null(paint.SKPathEffect);
        using var image = surface.Snapshot();
        using var bitmap = SKBitmap.FromImage(image);
        Assert.Equal(SKColors.Red, bitmap.GetPixel(20, 20));
        Assert.Equal(SKColors.Red, bitmap.GetPixel(27, 20));
        Assert.Equal(SKColors.White, bitmap.GetPixel(2, 2));
    }
}
