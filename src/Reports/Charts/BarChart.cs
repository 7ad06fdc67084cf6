using SkiaSharp;

namespace Analytics.Reports.Charts;

/// <summary>The data of a bar chart: one bar per label.</summary>
public sealed record BarChartData(string Title, IReadOnlyList<string> Labels, IReadOnlyList<double> Values, string ValueAxis, bool Horizontal = false);

/// <summary>Builds bar charts in the report palette with the report font.</summary>
public static class BarChart
{
    public static ScottPlot.Plot Build(BarChartData data)
    {
        var plot = ChartStyle.NewPlot(data.Title);
        var bars = data.Values.Select((v, i) => new ScottPlot.Bar
        {
            Position = data.Horizontal ? data.Values.Count - 1 - i : i,
            Value = v,
            FillColor = Palette.Plot(i == 0 ? Palette.KilnRed : Palette.Ember),
            LineWidth = 0,
            Orientation = data.Horizontal ? ScottPlot.Orientation.Horizontal : ScottPlot.Orientation.Vertical,
        }).ToList();
        plot.Add.Bars(bars);
        var positions = data.Labels.Select((_, i) => (double)(data.Horizontal ? data.Labels.Count - 1 - i : i)).ToArray();
        ScottPlot.IAxis labels = data.Horizontal ? plot.Axes.Left : plot.Axes.Bottom;
        ScottPlot.IAxis values = data.Horizontal ? plot.Axes.Bottom : plot.Axes.Left;
        labels.SetTicks(positions, data.Labels.ToArray());
        values.Label.Text = data.ValueAxis;
        if (data.Horizontal) plot.Axes.Margins(left: 0, right: 0.05); else plot.Axes.Margins(bottom: 0, top: 0.1);
        ChartStyle.Finish(plot);
        return plot;
    }
}

/// <summary>The look every report chart shares.</summary>
public static class ChartStyle
{
    public static ScottPlot.Plot NewPlot(string title)
    {
        var plot = new ScottPlot.Plot();
        plot.Font.Set(Document.ReportFont.Family);
        plot.Title(title, 12);
        plot.Axes.Title.Label.ForeColor = Palette.Plot(Palette.Ink);
        return plot;
    }

    public static void Finish(ScottPlot.Plot plot)
    {
        plot.Grid.MajorLineColor = Palette.Plot(Palette.Rule);
        foreach (var axis in new ScottPlot.IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
        {
            axis.TickLabelStyle.FontSize = 9;
            axis.TickLabelStyle.ForeColor = Palette.Plot(Palette.Ink);
            axis.Label.FontSize = 9;
        }
        plot.Font.Set(Document.ReportFont.Family);
    }

    /// <summary>Draws a plot as vectors into the space a document gives it.</summary>
    public static Action<SKCanvas, Document.Size> Drawer(ScottPlot.Plot plot) =>
        (canvas, size) => plot.Render(canvas, new ScottPlot.PixelRect(0, size.Width, size.Height, 0));
}
