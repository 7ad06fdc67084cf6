namespace Analytics.Reports.Document;

/// <summary>
/// The paging loop: for each page, draw the header and footer, then as much of the content as fits; stop when the
/// content has nothing left. A first pass that draws nothing counts the pages, so footers can say 第 x 页 / 共 y 页.
/// </summary>
public static class DocumentRenderer
{
    private const int MaxPages = 5000;

    /// <summary>Lays the document out on a canvas; beginPage and endPage frame each page. Returns the page count.</summary>
    public static int Render(PageSetup page, IDrawingCanvas canvas, Action<int> beginPage, Action<int> endPage)
    {
        var counting = new LayoutContext(new CountingCanvas(canvas));
        var total = Layout(page, counting, _ => { }, _ => { }, 0);
        Reset(page);
        var drawing = new LayoutContext(canvas) { TotalPages = total };
        Layout(page, drawing, beginPage, endPage, total);
        return total;
    }

    private static void Reset(PageSetup page)
    {
        page.Header.Reset();
        page.Content.Reset();
        page.Footer.Reset();
    }

    private static int Layout(PageSetup page, LayoutContext context, Action<int> beginPage, Action<int> endPage, int total)
    {
        var width = page.PageSize.Width - 2 * page.Margin;
        var number = 0;
        while (true)
        {
            number++;
            if (number > MaxPages) throw new InvalidOperationException($"The document would be longer than {MaxPages} pages: a layout loop?");
            context.PageNumber = number;
            context.TotalPages = total;
            // Header and footer are drawn anew on every page.
            page.Header.Reset();
            page.Footer.Reset();
            var headerHeight = Height(page.Header.Measure(context, new Size(width, page.PageSize.Height / 3)));
            var footerHeight = Height(page.Footer.Measure(context, new Size(width, page.PageSize.Height / 3)));
            var contentTop = page.Margin + headerHeight + (headerHeight > 0 ? page.Gap : 0);
            var contentSize = new Size(width, page.PageSize.Height - contentTop - page.Margin - footerHeight - (footerHeight > 0 ? page.Gap : 0));
            context.ContentHeight = contentSize.Height;
            var plan = page.Content.Measure(context, contentSize);
            if (plan.Kind == SpaceKind.Wrap)
                throw new InvalidOperationException($"An element needs more room than a whole page has ({contentSize.Width:0} × {contentSize.Height:0} pt) on page {number}.");

            beginPage(number);
            Draw(context, page.Header, page.Margin, page.Margin, new Size(width, headerHeight));
            Draw(context, page.Footer, page.Margin, page.PageSize.Height - page.Margin - footerHeight, new Size(width, footerHeight));
            Draw(context, page.Content, page.Margin, contentTop, contentSize);
            endPage(number);
            if (plan.Kind is SpaceKind.FullRender or SpaceKind.Empty) return number;
        }
    }

    private static float Height(SpacePlan plan) => plan.Kind == SpaceKind.Wrap ? 0 : plan.Height;

    private static void Draw(LayoutContext context, Element element, float x, float y, Size size)
    {
        context.Canvas.Translate(x, y);
        element.Draw(context, size);
        context.Canvas.Translate(-x, -y);
    }

    /// <summary>The first pass: measures like the real canvas, draws nothing.</summary>
    private sealed class CountingCanvas(IDrawingCanvas measurer) : IDrawingCanvas
    {
        public float MeasureText(string text, TextStyle style) => measurer.MeasureText(text, style);
        public float LineHeight(TextStyle style) => measurer.LineHeight(style);
        public void Translate(float x, float y) { }
        public void DrawText(string text, float x, float baseline, TextStyle style) { }
        public void DrawRectangle(float x, float y, float width, float height, SkiaSharp.SKColor? fill, SkiaSharp.SKColor? stroke, float strokeWidth) { }
        public void DrawBox(string label, float width, float height) { }
        public void DrawCustom(string label, float width, float height, Action<SkiaSharp.SKCanvas, Size> draw) { }
    }
}
