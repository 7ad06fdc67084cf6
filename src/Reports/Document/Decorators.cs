using SkiaSharp;

namespace Analytics.Reports.Document;

/// <summary>Space around one child.</summary>
internal sealed class Padding(float left, float top, float right, float bottom) : Element
{
    public Container Child { get; } = new();

    private Size Inner(Size available) => new(Math.Max(0, available.Width - left - right), Math.Max(0, available.Height - top - bottom));

    public override SpacePlan Measure(LayoutContext context, Size available)
    {
        var plan = Child.Measure(context, Inner(available));
        return plan.Kind switch
        {
            SpaceKind.Wrap => plan,
            SpaceKind.Empty => SpacePlan.Empty(),
            _ => plan with { Width = plan.Width + left + right, Height = plan.Height + top + bottom },
        };
    }

    public override void Draw(LayoutContext context, Size available) => DrawAt(context, Child, left, top, Inner(available));

    public override void Reset() => Child.Reset();
}

/// <summary>A fill and/or a border behind one child, as large as what the child draws now (or, for table cells, as high
/// as the space given, so every cell of a row is as high as the row).</summary>
internal sealed class Frame(SKColor? fill, SKColor? stroke, float strokeWidth, bool fillHeight = false) : Element
{
    public Container Child { get; } = new();

    public override SpacePlan Measure(LayoutContext context, Size available) => Child.Measure(context, available);

    public override void Draw(LayoutContext context, Size available)
    {
        var plan = Child.Measure(context, available);
        if (plan.Kind is SpaceKind.FullRender or SpaceKind.PartialRender || fillHeight)
            context.Canvas.DrawRectangle(0, 0, available.Width, fillHeight ? available.Height : plan.Height, fill, stroke, strokeWidth);
        Child.Draw(context, available);
    }

    public override void Reset() => Child.Reset();
}

/// <summary>A fixed-size box with a label: a stand-in in layout tests, and a placeholder in drafts.</summary>
internal sealed class Box(string label, float width, float height) : Element
{
    private bool _drawn;

    public override SpacePlan Measure(LayoutContext context, Size available) =>
        _drawn ? SpacePlan.Empty() : width <= available.Width + 0.01f && height <= available.Height + 0.01f ? SpacePlan.Full(width, height) : SpacePlan.Wrap();

    public override void Draw(LayoutContext context, Size available)
    {
        if (_drawn) return;
        context.Canvas.DrawBox(label, width, height);
        _drawn = true;
    }

    public override void Reset() => _drawn = false;
}

/// <summary>Vector drawing of a fixed height across the available width (a chart), never split across pages.</summary>
internal sealed class Drawing(string label, float height, Action<SKCanvas, Size> draw) : Element
{
    private bool _drawn;

    public override SpacePlan Measure(LayoutContext context, Size available) =>
        _drawn ? SpacePlan.Empty() : height <= available.Height + 0.01f ? SpacePlan.Full(available.Width, height) : SpacePlan.Wrap();

    public override void Draw(LayoutContext context, Size available)
    {
        if (_drawn) return;
        context.Canvas.DrawCustom(label, available.Width, height, draw);
        _drawn = true;
    }

    public override void Reset() => _drawn = false;
}

/// <summary>Ends the page: what follows starts on the next one.</summary>
internal sealed class PageBreak : Element
{
    private bool _done;

    // On a fresh page (the full content height available) the break is already behind us.
    public override SpacePlan Measure(LayoutContext context, Size available) => _done ? SpacePlan.Empty() : SpacePlan.Partial(0, 0);

    public override void Draw(LayoutContext context, Size available) => _done = true;

    public override void Reset() => _done = false;
}

/// <summary>Draws its child only where it fits entirely (or on a fresh page, where nothing more can be had): keeps a
/// heading with the first lines under it.</summary>
internal sealed class ShowEntire : Element
{
    public Container Child { get; } = new();

    public override SpacePlan Measure(LayoutContext context, Size available)
    {
        var plan = Child.Measure(context, available);
        var freshPage = available.Height >= context.ContentHeight - 0.5f;
        return plan.Kind == SpaceKind.PartialRender && !freshPage ? SpacePlan.Wrap() : plan;
    }

    public override void Draw(LayoutContext context, Size available) => Child.Draw(context, available);

    public override void Reset() => Child.Reset();
}
