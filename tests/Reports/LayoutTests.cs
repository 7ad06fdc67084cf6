using Analytics.Reports.Document;

namespace Analytics.Tests.Reports;

/// <summary>
/// The document layer, page by page, on the recording canvas (text measures as a fixed-pitch font: Latin half an em,
/// Chinese one em; a line is 1.5 em).
/// </summary>
public class LayoutTests
{
    /// <summary>A page whose content area is exactly width × height (no margins, header or footer).</summary>
    private static PageSetup Space(float width, float height) => new() { PageSize = new Size(width, height), Margin = 0 };

    private static string Where(DrawnItem i) => $"p{i.Page} {i.Label} ({i.X:0},{i.Y:0}) {i.Width:0}×{i.Height:0}";

    [Fact]
    public void Column_BoxThatDoesNotFit_StartsTheNextPageAtTheTop()
    {
        // 100×140: a (60) and b (60) fit, 20 remain; c (40) goes to page 2 at (0,0).
        var page = Space(100, 140);
        page.Content.Column(c =>
        {
            c.Item().Box("a", 100, 60);
            c.Item().Box("b", 100, 60);
            c.Item().Box("c", 100, 40);
        }, spacing: 0);

        var (pages, items) = RecordingCanvas.Record(page);

        Assert.Equal(2, pages);
        Assert.Equal(["p1 a (0,0) 100×60", "p1 b (0,60) 100×60", "p2 c (0,0) 100×40"], items.Select(Where));
    }

    [Fact]
    public void Column_SpacingAndPadding_MoveTheBoxes()
    {
        var page = Space(100, 140);
        page.Content.Padding(10).Column(c =>
        {
            c.Item().Box("a", 80, 50);
            c.Item().Box("b", 80, 50);
        }, spacing: 8);

        var (_, items) = RecordingCanvas.Record(page);

        // Padding 10 → a at (10,10); b below a and the 8 pt spacing → (10,68).
        Assert.Equal(["p1 a (10,10) 80×50", "p1 b (10,68) 80×50"], items.Select(Where));
    }

    [Fact]
    public void PageBreak_SendsWhatFollowsToTheNextPage()
    {
        var page = Space(100, 140);
        page.Content.Column(c =>
        {
            c.Item().Box("a", 100, 20);
            c.Item().PageBreak();
            c.Item().Box("b", 100, 20);
        }, spacing: 0);

        var (pages, items) = RecordingCanvas.Record(page);

        Assert.Equal(2, pages);
        Assert.Equal(["p1 a (0,0) 100×20", "p2 b (0,0) 100×20"], items.Select(Where));
    }

    [Fact]
    public void ElementTallerThanAPage_IsAClearError()
    {
        var page = Space(100, 140);
        page.Content.Box("huge", 100, 200);
        var ex = Assert.Throws<InvalidOperationException>(() => RecordingCanvas.Record(page));
        Assert.Contains("more room than a whole page", ex.Message);
    }

    [Fact]
    public void ChineseText_WrapsAtTheWidth_AndClosingPunctuationNeverStartsALine()
    {
        // Size 10: ten Chinese characters to a 100 pt line. The comma after the tenth would start line 2: the character
        // before it moves down with it (禁则), so that no line runs past the width (in a table, past its cell).
        var page = Space(100, 300);
        page.Content.Text("景德镇学院窑火红党建，品牌建设立足学校实际挖掘特色", new TextStyle(10));

        var (_, items) = RecordingCanvas.Record(page);

        Assert.Equal(["景德镇学院窑火红党", "建，品牌建设立足学校", "实际挖掘特色"], items.Select(i => i.Label));
        // One line every 15 pt (1.5 em).
        Assert.Equal([15f, 15f], items.Zip(items.Skip(1), (a, b) => b.Y - a.Y));
    }

    [Fact]
    public void MixedText_WithPunctuationAfterLatinWords_NeverRunsPastTheWidth()
    {
        var lines = TextBlockWrap("把查询中的 :month、:year、:unit 换成本报告的月份（或年度）和单位编号；再执行", 60);
        Assert.All(lines, l => Assert.True(l.Sum(ch => ch < 0x2E80 ? 5f : 10f) <= 60, $"'{l}' is wider than 60 pt"));
        Assert.Equal("把查询中的:month、:year、:unit换成本报告的月份（或年度）和单位编号；再执行", string.Concat(lines).Replace(" ", ""));
        Assert.DoesNotContain(lines, l => "，。、；：？！）》」』”’".Contains(l[0]));
        Assert.DoesNotContain(lines, l => "（《「『“‘(".Contains(l[^1]));
    }

    [Fact]
    public void LatinWords_StayWhole()
    {
        // Latin letters are half an em: six to a 30 pt line at size 10.
        Assert.Equal(["abc", "defgh", "ij"], TextBlockWrap("abc defgh ij", 30));
    }

    private static List<string> TextBlockWrap(string text, float width)
    {
        var page = Space(width, 500);
        page.Content.Text(text, new TextStyle(10));
        return RecordingCanvas.Record(page).Items.Select(i => i.Label).ToList();
    }

    [Fact]
    public void LongText_ContinuesOnTheNextPage_LineByLine_NothingLostOrRepeated()
    {
        // 100 pt tall at size 10: 6 lines of 15 pt a page; 14 lines → pages of 6, 6, 2.
        var lines = Enumerable.Range(1, 14).Select(i => $"第{i:00}行").ToList();
        var page = Space(100, 100);
        page.Content.Text(string.Join("\n", lines), new TextStyle(10));

        var (pages, items) = RecordingCanvas.Record(page);

        Assert.Equal(3, pages);
        Assert.Equal(lines, items.Select(i => i.Label));
        Assert.Equal([6, 6, 2], items.GroupBy(i => i.Page).Select(g => g.Count()));
    }

    [Fact]
    public void Table_SplitAcrossPages_RepeatsItsHeader_AndKeepsEveryRowOnce()
    {
        // 200 pt tall; rows of one line at 9.5 pt: 14.25 pt + 6 pt cell padding = 20.25 pt; the header likewise.
        var page = Space(300, 200);
        page.Content.Table(t =>
        {
            t.Columns(2, 1);
            t.Header("学院", "得分");
            for (var i = 1; i <= 20; i++) t.Row($"学院{i:00}", $"{60 + i}");
        });

        var (pages, items) = RecordingCanvas.Record(page);
        var texts = items.Where(i => i.Kind == "text").ToList();

        Assert.True(pages >= 3, $"{pages} pages");
        foreach (var p in Enumerable.Range(1, pages))
            Assert.Equal("学院", texts.Where(i => i.Page == p).OrderBy(i => i.Y).ThenBy(i => i.X).First().Label);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"学院{i:00}"), texts.Where(i => i.Label.StartsWith("学院") && i.Label != "学院").Select(i => i.Label));
        // Numbers are right-aligned in their cell: the score column starts at 200 pt; 2 digits × 4.75 pt + 4 pt padding from its right edge.
        Assert.Equal(300 - 4 - 9.5f, texts.First(i => i.Label == "61").X, 0.01);
    }

    [Fact]
    public void Footer_SaysPageXOfY_OnEveryPage()
    {
        var page = new PageSetup { PageSize = new Size(200, 200), Margin = 10, Gap = 5 };
        page.Footer.PageNumber("第 {page} 页 / 共 {total} 页", new TextStyle(8));
        page.Content.Column(c =>
        {
            for (var i = 0; i < 5; i++) c.Item().Box($"box{i}", 100, 60);
        }, spacing: 0);

        var (pages, items) = RecordingCanvas.Record(page);

        // Content height: 200 − 2×10 margins − 12 footer (1.5 × 8) − 5 gap = 163 → two 60 pt boxes a page → 3 pages.
        Assert.Equal(3, pages);
        Assert.Equal(["第 1 页 / 共 3 页", "第 2 页 / 共 3 页", "第 3 页 / 共 3 页"], items.Where(i => i.Kind == "text").Select(i => i.Label));
    }

    [Fact]
    public void Row_SharesTheWidth_ConstantFirst()
    {
        var page = Space(300, 100);
        page.Content.Row(r =>
        {
            r.ConstantItem(100).Box("fixed", 100, 20);
            r.RelativeItem(1).Box("one", 60, 20);
            r.RelativeItem(2).Box("two", 60, 20);
        }, spacing: 10);

        var (_, items) = RecordingCanvas.Record(page);

        // 300 − 100 − 2 × 10 spacing = 180 shared 1:2 → 60 and 120.
        Assert.Equal(["p1 fixed (0,0) 100×20", "p1 one (110,0) 60×20", "p1 two (180,0) 60×20"], items.Select(Where));
    }
}
