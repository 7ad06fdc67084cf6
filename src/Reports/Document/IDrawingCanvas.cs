using SkiaSharp;

namespace Analytics.Reports.Document;

/// <summary>Style of a run of text: size and colour. There is no bold on purpose: Skia's PDF backend draws emboldened
/// glyphs as outlines, which made a page 20 times larger (15 MB against 0.7 MB); emphasis is size and colour.</summary>
public sealed record TextStyle(float Size = 10.5f, SKColor? Color = null)
{
    public SKColor Ink => Color ?? new SKColor(0x22, 0x22, 0x22);
}

/// <summary>
/// What elements draw on. The PDF canvas draws through Skia; the recording canvas keeps what was drawn where, so layout
/// tests can say "page 2 holds box c at (0, 0)". Coordinates are relative to the current origin.
/// </summary>
public interface IDrawingCanvas
{
    float MeasureText(string text, TextStyle style);
    float LineHeight(TextStyle style);
    void Translate(float x, float y);
    void DrawText(string text, float x, float baseline, TextStyle style);
    void DrawRectangle(float x, float y, float width, float height, SKColor? fill, SKColor? stroke, float strokeWidth);
    void DrawBox(string label, float width, float height);
    /// <summary>Vector drawing straight onto Skia (charts): the recording canvas only notes it.</summary>
    void DrawCustom(string label, float width, float height, Action<SKCanvas, Size> draw);
}
