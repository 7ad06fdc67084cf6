namespace Analytics.Reports.Document;

/// <summary>Children one below the other; a child that does not fit continues on the next page, and so does the rest.</summary>
internal sealed class Column(float spacing) : Element
{
    public List<Container> Items { get; } = [];
    private int _current;

    public override SpacePlan Measure(LayoutContext context, Size available) => Plan(context, available, draw: false);

    public override void Draw(LayoutContext context, Size available) => Plan(context, available, draw: true);

    public override void Reset()
    {
        _current = 0;
        foreach (var item in Items) item.Reset();
    }

    /// <summary>Measure and draw share one walk over the children, so they can never disagree.</summary>
    private SpacePlan Plan(LayoutContext context, Size available, bool draw)
    {
        float top = 0, width = 0;
        var anyDrawn = false;
        for (var i = _current; i < Items.Count; i++)
        {
            var gap = anyDrawn ? spacing : 0;
            var space = new Size(available.Width, Math.Max(0, available.Height - top - gap));
            var plan = Items[i].Measure(context, space);
            if (plan.Kind == SpaceKind.Empty)
            {
                if (draw) _current = i + 1;
                continue;
            }
            if (plan.Kind == SpaceKind.Wrap)
                return anyDrawn ? SpacePlan.Partial(width, top) : SpacePlan.Wrap();
            if (draw) DrawAt(context, Items[i], 0, top + gap, space);
            top += gap + plan.Height;
            width = Math.Max(width, plan.Width);
            anyDrawn = true;
            if (plan.Kind == SpaceKind.PartialRender) return SpacePlan.Partial(width, top);
            if (draw) _current = i + 1;
        }
        return anyDrawn ? SpacePlan.Full(width, top) : SpacePlan.Empty();
    }
}
