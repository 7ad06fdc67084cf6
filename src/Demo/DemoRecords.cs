namespace Analytics.Demo;

/// <summary>An organisation of the demo university (党总支 or 党支部).</summary>
public sealed record DemoUnit(string Id, string Name, string Type, string? ParentId, string? Category, DateOnly EstablishedOn, int PartyGroups, string? BrandProject);

/// <summary>One membership period of a member in a branch; <see cref="ValidTo"/> is the first day no longer there.</summary>
public sealed record DemoMembership(string MemberId, string Name, string MemberType, string Gender, string Status,
    DateOnly JoinedPartyOn, string BranchId, DateOnly ValidFrom, DateOnly? ValidTo);

public sealed record DemoActivity(string Id, string UnitId, DateOnly HeldOn, IReadOnlyList<string> Types, string Title,
    string? BrandProject, int? Participants, int? ExternalAudience, string? Partner, decimal Hours);

public sealed record DemoAttendance(string ActivityId, string MemberId, string Status);

public sealed record DemoPledge(string MemberId, string Programme, int Year, string Item, DateOnly PledgedOn, DateOnly? CompletedOn, string? Evidence, string Review);

public sealed record DemoPublicity(string ItemId, string UnitId, DateOnly PublishedOn, string Channel, string Title, string Url, long Reads, long Likes);

public sealed record DemoEvaluation(string UnitId, int Year, string Grade);

/// <summary>A branch the generator made lag on purpose, from a month on, and how.</summary>
public sealed record LaggingBranch(string BranchId, string BranchName, string FromMonth, IReadOnlyList<string> Aspects);
