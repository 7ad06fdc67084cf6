namespace Analytics.Reports.Charts;

/// <summary>
/// A ScottPlot marker drawn without the dash of its line. ScottPlot fills the markers of a dashed line with a paint
/// that still carries the dash; Skia's SVG writer cannot dash a circle, so it printed "Unsupported path effect in
/// addPaint." to standard output once per marker (hundreds of lines in the demo's output) and drew it whole anyway.
/// </summary>
public sealed class UndashedMarker(ScottPlot.MarkerShape shape) : ScottPlot.IMarker
{
    private readonly ScottPlot.IMarker _shape = ScottPlot.MarkerShapeExtensions.GetMarker(shape);

    public void Render(SkiaSharp.SKCanvas canvas, ScottPlot.Paint paint, ScottPlot.Pixel center, float size, ScottPlot.MarkerStyle style)
    {
        paint.SKPathEffect = null;
        _shape.Render(canvas, paint, center, size, style);
    }
}
