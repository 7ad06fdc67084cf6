namespace Analytics.Flags;

/// <summary>
/// One branch in one month as the warning judges it: whether the rules (规则预警) and the model (模型预警) flag it,
/// the combined flag, the model's score and threshold, and the reasons in Chinese. In a month the supervised model
/// learned from (a graded year), its score is in-sample: the flag there is the rules' alone.
/// </summary>
public sealed record BranchFlag(
    string BranchId,
    string BranchName,
    string CollegeId,
    string MonthId,
    float Score,
    float Threshold,
    string ModelVersion,
    string ModelKind,
    bool RuleFlagged,
    bool ModelFlagged,
    bool IsTrainedMonth,
    bool IsBreakMonth,
    IReadOnlyList<string> RuleIds,
    IReadOnlyList<FlagReason> Reasons)
{
    public bool IsFlagged => RuleFlagged || ModelFlagged && !IsTrainedMonth;

    /// <summary>The layers that flag it, as readers see them: 规则预警, 模型预警.</summary>
    public IReadOnlyList<string> Layers =>
        [.. RuleFlagged ? ["规则预警"] : Array.Empty<string>(), .. ModelFlagged && !IsTrainedMonth ? ["模型预警"] : Array.Empty<string>()];
}

/// <summary>
/// What one flag run did: the model in use (supervised on graded years, else the peer model), the months it learned
/// from, every branch-month judged, and the comparisons of rules, model and combined where a truth allows one.
/// </summary>
public sealed record FlagRunReport(
    int RunId,
    string ModelKind,
    string ModelVersion,
    string? ModelPath,
    float Threshold,
    int TrainRows,
    string? TrainMonths,
    IReadOnlyList<BranchFeatures> Features,
    IReadOnlyList<BranchFlag> Judged,
    IReadOnlyList<FlagComparison> Comparisons)
{
    /// <summary>Seconds spent reading features and rules, judging, training, scoring and storing.</summary>
    public IReadOnlyDictionary<string, double> PhaseSeconds { get; init; } = new Dictionary<string, double>();

    public IReadOnlyList<BranchFlag> Flags => Judged.Where(f => f.IsFlagged).ToList();

    public int ScoredRows => Judged.Count;

    public string LatestMonth => Judged.Select(f => f.MonthId).DefaultIfEmpty("").Max(StringComparer.Ordinal)!;
}
