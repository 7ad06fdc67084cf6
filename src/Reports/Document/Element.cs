namespace Analytics.Reports.Document;

/// <summary>
/// A piece of a document. It knows two things: how much room it needs in a given space (Measure, which never changes
/// state), and how to draw itself there (Draw, which remembers how far it got, so the rest continues on the next page).
/// </summary>
public abstract class Element
{
    public abstract SpacePlan Measure(LayoutContext context, Size available);

    public abstract void Draw(LayoutContext context, Size available);

    /// <summary>Forgets how far drawing got (the first, discarded pass that counts pages ends with this).</summary>
    public virtual void Reset() { }

    /// <summary>Draws at an offset, putting the canvas origin back afterwards.</summary>
    protected static void DrawAt(LayoutContext context, Element child, float x, float y, Size available)
    {
        context.Canvas.Translate(x, y);
        child.Draw(context, available);
        context.Canvas.Translate(-x, -y);
    }
}

/// <summary>A slot that holds one element (empty until given one).</summary>
public sealed class Container : Element
{
    internal Element? Child { get; set; }

    public override SpacePlan Measure(LayoutContext context, Size available) => Child?.Measure(context, available) ?? SpacePlan.Empty();

    public override void Draw(LayoutContext context, Size available) => Child?.Draw(context, available);

    public override void Reset() => Child?.Reset();
}
