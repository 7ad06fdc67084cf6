namespace Analytics.Reports.Document;

/// <summary>Children side by side, each given a constant width or a share of what is left.</summary>
internal sealed class Row(float spacing) : Element
{
    public List<(Container Item, float? Constant, float Relative)> Items { get; } = [];

    private float[] Widths(float total)
    {
        var free = total - Items.Sum(i => i.Constant ?? 0) - spacing * Math.Max(0, Items.Count - 1);
        var shares = Items.Where(i => i.Constant is null).Sum(i => i.Relative);
        return Items.Select(i => i.Constant ?? (shares == 0 ? 0 : Math.Max(0, free) * i.Relative / shares)).ToArray();
    }

    public override SpacePlan Measure(LayoutContext context, Size available)
    {
        var widths = Widths(available.Width);
        var plans = Items.Select((item, i) => item.Item.Measure(context, new Size(widths[i], available.Height))).ToList();
        if (plans.All(p => p.Kind == SpaceKind.Empty)) return SpacePlan.Empty();
        if (plans.Any(p => p.Kind == SpaceKind.Wrap)) return SpacePlan.Wrap();
        var height = plans.Max(p => p.Height);
        return plans.Any(p => p.Kind == SpaceKind.PartialRender) ? SpacePlan.Partial(available.Width, height) : SpacePlan.Full(available.Width, height);
    }

    public override void Draw(LayoutContext context, Size available)
    {
        var widths = Widths(available.Width);
        // Every child gets the row's height, so cell frames line up.
        var height = Math.Min(available.Height, Items.Select((item, i) => item.Item.Measure(context, new Size(widths[i], available.Height)).Height).DefaultIfEmpty(0).Max());
        float x = 0;
        for (var i = 0; i < Items.Count; i++)
        {
            DrawAt(context, Items[i].Item, x, 0, new Size(widths[i], height));
            x += widths[i] + spacing;
        }
    }

    public override void Reset()
    {
        foreach (var item in Items) item.Item.Reset();
    }
}
