using SkiaSharp;

namespace Analytics.Reports.Charts;

/// <summary>
/// The data of a bar chart: one bar per label. <paramref name="Highlighted"/> marks the bars to draw in kiln red (the
/// ones a reader must look at: laggards), the rest in a quiet tone; without it the first bar is highlighted.
/// <paramref name="Lines"/> are reference lines across the value axis (grade cut-offs, a target), each with its label;
/// <paramref name="ValueFrom"/> starts the value axis there, so that 58 and 74 do not look alike; <paramref name="ValueFormat"/>,
/// where set, writes each bar's value at its end.
/// </summary>
public sealed record BarChartData(string Title, IReadOnlyList<string> Labels, IReadOnlyList<double> Values, string ValueAxis, bool Horizontal = false,
    IReadOnlyList<bool>? Highlighted = null, IReadOnlyList<(double Value, string Label)>? Lines = null, double? ValueFrom = null, string? ValueFormat = null);

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
            FillColor = Palette.Plot((data.Highlighted is { } h ? h[i] : i == 0) ? Palette.KilnRed : Palette.Ember).WithAlpha(data.Highlighted is null || data.Highlighted[i] ? 1 : 0.45),
            LineWidth = 0,
            ValueBase = data.ValueFrom ?? 0,
            Label = data.ValueFormat is null ? "" : v.ToString(data.ValueFormat, System.Globalization.CultureInfo.InvariantCulture),
            Orientation = data.Horizontal ? ScottPlot.Orientation.Horizontal : ScottPlot.Orientation.Vertical,
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 8;
        barPlot.ValueLabelStyle.FontName = Document.ReportFont.Family;
        barPlot.ValueLabelStyle.ForeColor = Palette.Plot(Palette.Ink);
        var positions = data.Labels.Select((_, i) => (double)(data.Horizontal ? data.Labels.Count - 1 - i : i)).ToArray();
        ScottPlot.IAxis labels = data.Horizontal ? plot.Axes.Left : plot.Axes.Bottom;
        ScottPlot.IAxis values = data.Horizontal ? plot.Axes.Bottom : plot.Axes.Left;
        labels.SetTicks(positions, data.Labels.ToArray());
        values.Label.Text = data.ValueAxis;
        foreach (var (value, label) in data.Lines ?? [])
        {
            var line = data.Horizontal ? (ScottPlot.Plottables.AxisLine)plot.Add.VerticalLine(value) : plot.Add.HorizontalLine(value);
            line.Color = Palette.Plot(Palette.Ink).WithAlpha(0.6);
            line.LineWidth = 1;
            line.LinePattern = ScottPlot.LinePattern.Dashed;
            line.Text = label;
            line.LabelFontSize = 8;
            line.LabelFontName = Document.ReportFont.Family;
            // The label on the far side, in the plot's ink on white: beside the tick labels it would cover them.
            line.LabelOppositeAxis = true;
            line.LabelFontColor = Palette.Plot(Palette.Ink);
            line.LabelBackgroundColor = ScottPlot.Colors.White;
        }
        if (data.Horizontal) plot.Axes.Margins(left: 0, right: 0.08); else plot.Axes.Margins(bottom: 0, top: 0.1);
        if (data.ValueFrom is { } from)
        {
            var top = Math.Max(data.Values.DefaultIfEmpty(from).Max(), (data.Lines ?? []).Select(l => l.Value).DefaultIfEmpty(from).Max());
            if (data.Horizontal) plot.Axes.SetLimitsX(from, top + (top - from) * 0.1);
            else plot.Axes.SetLimitsY(from, top + (top - from) * 0.1);
        }
        ChartStyle.Finish(plot);
        return plot;
    }
}

/// <summary>The look every report chart shares.</summary>
public static class ChartStyle
{
    public static ScottPlot.Plot NewPlot(string title)
    {
        // ScottPlot caches the first typeface it finds for a family: make sure that is the report's own font, whoever
        // draws the first chart, or a system font of the same name is embedded in every later PDF too.
        Document.ReportFont.EnsureForCharts();
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
