using SkiaSharp;

namespace Analytics.Reports.Document;

/// <summary>One thing drawn: on which page, what, and where (absolute page coordinates, points).</summary>
public sealed record DrawnItem(int Page, string Kind, string Label, float X, float Y, float Width, float Height);

/// <summary>
/// A canvas that records instead of drawing, measuring text as a fixed-pitch font would (Latin half an em, CJK one em):
/// layout tests state what each page holds, independent of any font file.
/// </summary>
public sealed class RecordingCanvas : IDrawingCanvas
{
    private float _x, _y;
    public int Page { get; set; }
    public List<DrawnItem> Items { get; } = [];

    public float MeasureText(string text, TextStyle style) => text.Sum(c => c < 0x2E80 ? 0.5f : 1f) * style.Size;
    public float LineHeight(TextStyle style) => style.Size * 1.5f;
    public void Translate(float x, float y) { _x += x; _y += y; }
    public void DrawText(string text, float x, float baseline, TextStyle style) => Items.Add(new(Page, "text", text, _x + x, _y + baseline, MeasureText(text, style), style.Size));
    public void DrawRectangle(float x, float y, float width, float height, SKColor? fill, SKColor? stroke, float strokeWidth) =>
        Items.Add(new(Page, "rect", "", _x + x, _y + y, width, height));
    public void DrawBox(string label, float width, float height) => Items.Add(new(Page, "box", label, _x, _y, width, height));
    public void DrawCustom(string label, float width, float height, Action<SKCanvas, Size> draw) => Items.Add(new(Page, "drawing", label, _x, _y, width, height));

    /// <summary>Renders a page setup and returns what each page holds.</summary>
    public static (int Pages, List<DrawnItem> Items) Record(PageSetup page)
    {
        var canvas = new RecordingCanvas();
        var pages = DocumentRenderer.Render(page, canvas, n => canvas.Page = n, _ => { });
        return (pages, canvas.Items);
    }
}
