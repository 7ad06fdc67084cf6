using SkiaSharp;

namespace Analytics.Reports.Document;

/// <summary>Document properties. The dates are the data's as-of time, never the wall clock, so renders are reproducible.</summary>
public sealed record DocumentInfo(string Title, string Author, DateTime AsOf);

/// <summary>What writing a PDF produced: its pages, and any characters the font could not draw.</summary>
public sealed record PdfResult(int Pages, IReadOnlyCollection<string> MissingCharacters);

/// <summary>Writes a page setup as a PDF through Skia's PDF backend, with the given font embedded.</summary>
public static class PdfWriter
{
    public static PdfResult Write(Stream output, PageSetup page, DocumentInfo info, string fontPath)
    {
        var typeface = ReportFont.Get(fontPath);
        using var document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata
        {
            // The metadata a reader sees in a PDF viewer's document properties: Chinese, and saying what the file is.
            Title = info.Title, Author = info.Author, Subject = "景德镇学院“窑火红”党建特色品牌评估报告",
            Creator = "窑火红党建品牌数据分析", Producer = "窑火红党建品牌数据分析",
            Creation = info.AsOf, Modified = info.AsOf, RasterDpi = 150, PdfA = false,
        });
        using var canvas = new PdfCanvas(typeface);
        var pages = DocumentRenderer.Render(page, canvas,
            _ => canvas.Canvas = document.BeginPage(page.PageSize.Width, page.PageSize.Height),
            _ => { document.EndPage(); canvas.Canvas = null; });
        document.Close();
        return new PdfResult(pages, canvas.MissingCharacters);
    }
}
