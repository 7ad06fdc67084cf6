namespace Analytics.Reports.Charts;

/// <summary>One line of a line chart: its legend label and a value per x position (null where there is none).</summary>
public sealed record LineSeries(string Label, IReadOnlyList<double?> Values);

/// <summary>
/// A line chart over labelled x positions (months), with a shared value axis (0–100) and, where given, dashed
/// reference lines across it (grade cut-offs, a warning line); the text beside the chart names them.
/// </summary>
public sealed record LineChartData(string Title, IReadOnlyList<string> Labels, IReadOnlyList<LineSeries> Series, string ValueAxis,
    IReadOnlyList<(double Value, string Label)>? Lines = null);

/// <summary>Builds line charts in the report palette with the report font.</summary>
public static class LineChart
{
    private static readonly SkiaSharp.SKColor[] Colours = [Palette.KilnRed, Palette.Celadon, Palette.Ember, Palette.Ink];

    public static ScottPlot.Plot Build(LineChartData data)
    {
        var plot = ChartStyle.NewPlot(data.Title);
        for (var s = 0; s < data.Series.Count; s++)
        {
            var series = data.Series[s];
            var points = series.Values.Select((v, i) => (v, i)).Where(p => p.v is not null).ToList();
            var line = plot.Add.Scatter(points.Select(p => (double)p.i).ToArray(), points.Select(p => p.v!.Value).ToArray());
            line.Color = Palette.Plot(Colours[s % Colours.Length]);
            // Past four series the colours repeat: a dashed line tells them apart (a college has up to a dozen branches;
            // varying the marker's shape instead made a report's PDF a tenth larger).
            if (s >= Colours.Length)
            {
                line.LinePattern = ScottPlot.LinePattern.Dashed;
                line.MarkerStyle.CustomRenderer = new UndashedMarker(line.MarkerStyle.Shape);
            }
            line.LineWidth = 2;
            line.MarkerSize = 5;
            line.LegendText = series.Label;
        }
        foreach (var (value, label) in data.Lines ?? [])
        {
            var line = plot.Add.HorizontalLine(value);
            line.Color = Palette.Plot(Palette.Ink).WithAlpha(0.5);
            line.LineWidth = 1;
            line.LinePattern = ScottPlot.LinePattern.Dashed;
            // Unlabelled: a rotated label on the axis crowds it; the chart's note names the lines.
            _ = label;
        }
        plot.Axes.Bottom.SetTicks(data.Labels.Select((_, i) => (double)i).ToArray(), data.Labels.ToArray());
        plot.Axes.Left.Label.Text = data.ValueAxis;
        plot.Axes.SetLimitsY(0, 100);
        // The legend outside the plot, under it: inside, it hides the months it covers.
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        plot.Legend.FontName = Document.ReportFont.Family;
        plot.Legend.FontSize = 8;
        ChartStyle.Finish(plot);
        return plot;
    }
}
