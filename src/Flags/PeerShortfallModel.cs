namespace Analytics.Flags;

/// <summary>
/// The unsupervised layer of the warning, for a university without usable 述职评议 grades (its first year): how far a
/// branch falls below its peers (branches of the same category in the same month) on each figure, in robust standard
/// deviations of the peers' own spread (1.4826 × the median absolute deviation, at least 5 percentage points so that
/// a near-unanimous 100% does not make 95% look alarming). The score is the worst such shortfall; a branch is unusual
/// when it reaches <see cref="Line"/>. Only shortfalls count: a branch far above its peers is not a concern.
/// </summary>
/// <remarks>
/// Why not principal components (RandomizedPca): its anomaly score is the distance from the main directions of
/// variation, and when several branches lag in the same way their shortfall becomes a main direction, so the more
/// branches lag alike the less unusual each one looks. A shortfall measured against the peers' median has no such
/// blind spot, and every flag it raises can be read off the branch's own figures.
/// </remarks>
public sealed class PeerShortfallModel
{
    public const string Version = "peer-shortfall-v1";

    /// <summary>Robust standard deviations below the peers' median that make a branch unusual.</summary>
    public const float Line = 3.5f;

    /// <summary>Fewer peers than this (机关 and 离退休 branches are few) give no spread worth comparing with.</summary>
    public const int MinPeers = 5;

    private const float FloorSpread = 0.05f;

    /// <summary>The figures compared, as gaps to the peers' median (negative: below them).</summary>
    public static readonly (string Feature, Func<BranchFeatures, float> Gap)[] Figures =
    [
        (nameof(BranchFeatures.ParticipationGap), f => f.ParticipationGap),
        (nameof(BranchFeatures.AttendanceGap), f => f.AttendanceGap),
        (nameof(BranchFeatures.RecentComplianceGap), f => f.RecentComplianceGap),
        (nameof(BranchFeatures.PledgeCoverageGap), f => f.PledgeCoverageGap),
        (nameof(BranchFeatures.PledgeProgressGap), f => f.PledgeProgressGap),
    ];

    public List<BranchScore> Score(IReadOnlyList<BranchFeatures> rows)
    {
        var scores = new Dictionary<BranchFeatures, BranchScore>(ReferenceEqualityComparer.Instance);
        foreach (var group in rows.GroupBy(r => (r.MonthId, r.Category)))
        {
            var members = group.ToList();
            if (members.Count < MinPeers)
            {
                foreach (var r in members) scores[r] = new BranchScore(r, 0, Figures.Select(f => (f.Feature, 0f)).ToList());
                continue;
            }
            var spreads = Figures.Select(f =>
            {
                var gaps = members.Select(f.Gap).ToList();
                var median = Median(gaps);
                return (Median: median, Spread: Math.Max(1.4826f * Median(gaps.Select(g => Math.Abs(g - median)).ToList()), FloorSpread));
            }).ToList();
            foreach (var r in members)
            {
                var shortfalls = Figures.Select((f, i) => (f.Feature, Math.Max(0f, (spreads[i].Median - f.Gap(r)) / spreads[i].Spread))).ToList();
                scores[r] = new BranchScore(r, shortfalls.Max(s => s.Item2), shortfalls);
            }
        }
        return rows.Select(r => scores[r]).ToList();
    }

    private static float Median(List<float> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
