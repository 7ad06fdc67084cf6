using SkiaSharp;

namespace Analytics.Reports.Document;

/// <summary>Draws onto a Skia PDF page with one embedded TrueType font (so the PDF's text can be searched and copied).</summary>
internal sealed class PdfCanvas(SKTypeface typeface) : IDrawingCanvas, IDisposable
{
    private readonly Dictionary<float, SKFont> _fonts = new();
    private readonly SKPaint _paint = new() { IsAntialias = true };
    public SKCanvas? Canvas { get; set; }

    private SKCanvas Page => Canvas ?? throw new InvalidOperationException("No page is open.");

    private SKFont Font(TextStyle style)
    {
        if (!_fonts.TryGetValue(style.Size, out var font))
            _fonts[style.Size] = font = new SKFont(typeface, style.Size) { Subpixel = true };
        return font;
    }

    public float MeasureText(string text, TextStyle style) => Font(style).MeasureText(text);
    public float LineHeight(TextStyle style) => style.Size * 1.45f;
    public void Translate(float x, float y) => Canvas?.Translate(x, y);

    /// <summary>Characters drawn that the font has no glyph for (they show as empty boxes).</summary>
    public SortedSet<string> MissingCharacters { get; } = new(StringComparer.Ordinal);

    public void DrawText(string text, float x, float baseline, TextStyle style)
    {
        if (!Font(style).ContainsGlyphs(text))
            foreach (var rune in text.EnumerateRunes())
                if (!char.IsWhiteSpace(rune.ToString(), 0) && !Font(style).ContainsGlyphs(rune.ToString())) MissingCharacters.Add(rune.ToString());
        _paint.Style = SKPaintStyle.Fill;
        _paint.Color = style.Ink;
        Page.DrawText(text, x, baseline, Font(style), _paint);
    }

    public void DrawRectangle(float x, float y, float width, float height, SKColor? fill, SKColor? stroke, float strokeWidth)
    {
        var rect = new SKRect(x, y, x + width, y + height);
        if (fill is { } f)
        {
            _paint.Style = SKPaintStyle.Fill;
            _paint.Color = f;
            Page.DrawRect(rect, _paint);
        }
        if (stroke is { } s)
        {
            _paint.Style = SKPaintStyle.Stroke;
            _paint.Color = s;
            _paint.StrokeWidth = strokeWidth;
            Page.DrawRect(rect, _paint);
        }
    }

    public void DrawBox(string label, float width, float height)
    {
        DrawRectangle(0, 0, width, height, null, SKColors.Gray, 0.5f);
        DrawText(label, 2, 10, new TextStyle(8));
    }

    public void DrawCustom(string label, float width, float height, Action<SKCanvas, Size> draw)
    {
        Page.Save();
        Page.ClipRect(new SKRect(0, 0, width, height));
        draw(Page, new Size(width, height));
        Page.Restore();
    }

    public void Dispose()
    {
        foreach (var font in _fonts.Values) font.Dispose();
        _paint.Dispose();
    }
}
