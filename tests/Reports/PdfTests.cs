using System.Security.Cryptography;
using Analytics.Reports.Document;
using SkiaSharp;

using Analytics.Tests.Support;

namespace Analytics.Tests.Reports;

/// <summary>Real PDFs, read back with poppler (pdftotext, pdffonts) and checked with qpdf, as CI installs them.</summary>
public class PdfTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kfr-pdf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static PageSetup Sample()
    {
        var page = new PageSetup();
        page.Header.Text("景德镇学院“窑火红”党建品牌 · 月度评估", new TextStyle(9, new SKColor(0x9B, 0x1B, 0x1B)));
        page.Footer.PageNumber("第 {page} 页 / 共 {total} 页");
        page.Content.Column(c =>
        {
            c.Item().Text("2026年10月 学校月度评估报告", new TextStyle(20));
            c.Item().Text(string.Concat(Enumerable.Repeat("以习近平新时代中国特色社会主义思想为指导，立足学校实际，挖掘学校特色。", 12)));
            c.Item().Drawing("chart", 120, (canvas, size) =>
            {
                using var paint = new SKPaint { Color = new SKColor(0xB2, 0x22, 0x22), IsAntialias = true };
                canvas.DrawRect(0, 0, size.Width / 2, size.Height, paint);
            });
            c.Item().Table(t =>
            {
                t.Columns(3, 1, 1);
                t.Header("学院", "参与率", "得分");
                foreach (var (name, i) in new[] { "陶瓷美术学院", "设计艺术学院", "北汽集团昌河汽车学院", "北京通航直升机学院" }.Select((n, i) => (n, i)))
                    for (var k = 0; k < 20; k++) t.Row($"{name}", $"{90 - k}%", $"{70 + i}");
            });
        });
        return page;
    }

    private string Render(string name)
    {
        var path = Path.Combine(_dir, name);
        using (var stream = File.Create(path))
            PdfWriter.Write(stream, Sample(), new DocumentInfo("窑火红月度评估", "景德镇学院", new DateTime(2026, 11, 1)), FontLocator.Find());
        return path;
    }


    [Fact]
    public void Pdf_TextReadsBackExactly_InChinese_OnEveryPage()
    {
        var path = Render("sample.pdf");
        var text = Tool.Run("pdftotext", "-layout", path, "-");
        Assert.Contains("2026年10月 学校月度评估报告", text);
        Assert.Contains("窑火红", text);
        Assert.Contains("北汽集团昌河汽车学院", text);
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.True(pages >= 3, $"{pages} pages");
        // pdftotext drops the narrow spaces between Chinese characters: compare without white space.
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        foreach (var p in Enumerable.Range(1, pages)) Assert.Contains($"第{p}页/共{pages}页", compact);
    }

    [Fact]
    public void Pdf_EmbedsOnlySubsetTrueTypeFonts_PassesQpdf_AndIsSmall()
    {
        var path = Render("fonts.pdf");
        var fonts = Tool.Run("pdffonts", path).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, line =>
        {
            Assert.Contains("CID TrueType", line);
            Assert.DoesNotContain("Type 3", line);
            Assert.Matches(@"yes\s+yes\s+yes", line); // embedded, subset, with a ToUnicode map
        });
        Assert.Contains("No syntax or stream encoding errors", Tool.Run("qpdf", "--check", path));
        Assert.True(new FileInfo(path).Length < 1_000_000, $"{new FileInfo(path).Length} bytes");
    }

    [Fact]
    public void CharacterTheFontLacks_IsReported_NotSilentlyDrawnAsABox()
    {
        var page = new PageSetup();
        page.Content.Text("窑火红 䶮");  // 䶮 (U+4DAE) is not in GB2312
        using var stream = new MemoryStream();
        var result = PdfWriter.Write(stream, page, new DocumentInfo("t", "t", new DateTime(2026, 11, 1)), FontLocator.Find());
        Assert.Equal(["䶮"], result.MissingCharacters);
    }

    [Fact]
    public void Pdf_TheSameDocumentRendersByteForByte()
    {
        var a = SHA256.HashData(File.ReadAllBytes(Render("a.pdf")));
        var b = SHA256.HashData(File.ReadAllBytes(Render("b.pdf")));
        Assert.Equal(a, b);
    }
}
