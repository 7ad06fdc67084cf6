namespace Analytics.Reports.Document;

/// <summary>A size in points (1/72 inch).</summary>
public readonly record struct Size(float Width, float Height)
{
    public static readonly Size Zero = new(0, 0);
}

/// <summary>What an element answers when asked how much room it needs in a given space.</summary>
public enum SpaceKind
{
    /// <summary>Nothing left to draw.</summary>
    Empty,
    /// <summary>All that is left fits.</summary>
    FullRender,
    /// <summary>A part fits; the rest continues on the next page.</summary>
    PartialRender,
    /// <summary>Nothing fits here; try a fresh page.</summary>
    Wrap,
}

/// <summary>The answer to Measure: the kind, and the size of what would be drawn now.</summary>
public readonly record struct SpacePlan(SpaceKind Kind, float Width, float Height)
{
    public static SpacePlan Empty() => new(SpaceKind.Empty, 0, 0);
    public static SpacePlan Full(float width, float height) => new(SpaceKind.FullRender, width, height);
    public static SpacePlan Partial(float width, float height) => new(SpaceKind.PartialRender, width, height);
    public static SpacePlan Wrap() => new(SpaceKind.Wrap, 0, 0);

    public bool Fits => Kind is SpaceKind.FullRender or SpaceKind.PartialRender or SpaceKind.Empty;
}
