namespace Analytics.Flags;

/// <summary>A branch the model flags as lagging in a month, with its score, the threshold and the reasons in Chinese.</summary>
public sealed record BranchFlag(string BranchId, string BranchName, string CollegeId, string MonthId, float Score, float Threshold, string ModelVersion, IReadOnlyList<FlagReason> Reasons);

/// <summary>What one flag run did: the model, how it did on held-out months beside the baseline, and the flags.</summary>
public sealed record FlagRunReport(
    int RunId,
    string ModelVersion,
    string ModelPath,
    int TrainRows,
    string TrainMonths,
    string? HeldOutMonths,
    Evaluation? HeldOut,
    int ScoredRows,
    IReadOnlyList<BranchFlag> Flags);
