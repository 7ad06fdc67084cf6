namespace Analytics.Ingest.Templates;

/// <summary>An organisation unit a template offers in its drop-down lists and, for a college, pre-fills in its 组织架构 template.</summary>
public sealed record TemplateUnit(string UnitId, string UnitName, string UnitType, string? ParentId, string? Category, DateOnly? EstablishedOn, int? PartyGroups);
