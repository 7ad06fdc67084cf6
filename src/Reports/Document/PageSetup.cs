namespace Analytics.Reports.Document;

/// <summary>A page layout: size, margins, and the header, content and footer slots. The content flows over as many pages as it needs.</summary>
public sealed class PageSetup
{
    /// <summary>A4 in points.</summary>
    public Size PageSize { get; set; } = new(595.28f, 841.89f);
    public float Margin { get; set; } = 48;
    public float Gap { get; set; } = 10;
    public Container Header { get; } = new();
    public Container Content { get; } = new();
    public Container Footer { get; } = new();
}
