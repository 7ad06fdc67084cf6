namespace Analytics.Flags;

/// <summary>A branch the model flags as lagging in a month, with its score, the threshold and the reasons in Chinese.</summary>
public sealed record BranchFlag(string BranchId, string BranchName, string CollegeId, string MonthId, float Score, float Threshold, string ModelVersion, IReadOnlyList<FlagReason> Reasons);

/// <summary>
/// What one flag run did: the model (as loaded back from its file), the months it learned from, how it did on held-out
/// months beside the baseline, the features of every branch-month it scored, and the flags.
/// </summary>
public sealed record FlagRunReport(
    int RunId,
    LaggingModel Model,
    string ModelPath,
    int TrainRows,
    string FirstTrainedMonth,
    string LastTrainedMonth,
    string? HeldOutMonths,
    Evaluation? HeldOut,
    IReadOnlyList<BranchFeatures> Features,
    IReadOnlyList<BranchFlag> Flags)
{
    /// <summary>Seconds spent reading features, judging on held-out months, training, scoring and storing.</summary>
    public IReadOnlyDictionary<string, double> PhaseSeconds { get; init; } = new Dictionary<string, double>();

    public string ModelVersion => Model.Version;
    public string TrainMonths => $"{FirstTrainedMonth}…{LastTrainedMonth}";
    public int ScoredRows => Features.Count;

    /// <summary>The branch-months after the last one the model learned from: where it can be judged honestly.</summary>
    public IReadOnlyList<BranchFeatures> Unseen => Features.Where(r => string.CompareOrdinal(r.MonthId, LastTrainedMonth) > 0).ToList();
}
