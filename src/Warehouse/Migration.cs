namespace Analytics.Warehouse;

/// <summary>One forward-only step of the warehouse schema. Versions are applied in order and never edited once shipped.</summary>
public sealed record Migration(int Version, string Description, string Sql);
