namespace Analytics.Reports.Document;

/// <summary>What an element may ask while it is measured or drawn: the canvas, and the page it is on.</summary>
public sealed class LayoutContext(IDrawingCanvas canvas)
{
    public IDrawingCanvas Canvas { get; } = canvas;
    public int PageNumber { get; internal set; }
    public int TotalPages { get; internal set; }

    /// <summary>The height of a page's content area: a block offered all of it is at the top of a fresh page.</summary>
    public float ContentHeight { get; internal set; }
}
