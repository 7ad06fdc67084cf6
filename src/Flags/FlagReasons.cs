using System.Globalization;

namespace Analytics.Flags;

/// <summary>
/// Turns the features that pushed a branch's score up into plain Chinese sentences for organisers and leadership,
/// quoting the branch's own figures. A feature only becomes a reason when its value really is unfavourable.
/// </summary>
public static class FlagReasons
{
    private static string Pct(float share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
    private static string Points(float share) => Math.Abs(share * 100).ToString("0", CultureInfo.InvariantCulture);

    /// <summary>The sentence for one feature of one branch-month, or null when that feature is not a weakness.</summary>
    public static string? Sentence(string feature, BranchFeatures f) => feature switch
    {
        nameof(BranchFeatures.ParticipationGap) when f.ParticipationGap < -0.05 =>
            $"近三个月党员参与率{Pct(f.Participation3m)}，低于同类支部中位数{Points(f.ParticipationGap)}个百分点",
        nameof(BranchFeatures.Participation3m) when f.ParticipationGap < -0.05 || f.Participation3m < 0.6 =>
            $"近三个月党员参与率仅{Pct(f.Participation3m)}",
        nameof(BranchFeatures.ParticipationTrend) when f.ParticipationTrend < -0.05 =>
            $"参与率较前三个月下降{Points(f.ParticipationTrend)}个百分点",
        nameof(BranchFeatures.AttendanceGap) when f.AttendanceGap < -0.05 =>
            $"组织生活出勤率{Pct(f.Attendance3m)}，低于同类支部中位数{Points(f.AttendanceGap)}个百分点",
        nameof(BranchFeatures.Attendance3m) when f.AttendanceGap < -0.05 || f.Attendance3m < 0.7 =>
            $"组织生活出勤率仅{Pct(f.Attendance3m)}",
        nameof(BranchFeatures.AttendanceTrend) when f.AttendanceTrend < -0.05 =>
            $"组织生活出勤率较前三个月下降{Points(f.AttendanceTrend)}个百分点",
        nameof(BranchFeatures.ComplianceGap) or nameof(BranchFeatures.Compliance) when f.ComplianceGap < -0.05 =>
            $"“三会一课”按期完成率{Pct(f.Compliance)}，低于同类支部中位数{Points(f.ComplianceGap)}个百分点",
        nameof(BranchFeatures.RecentComplianceGap) or nameof(BranchFeatures.RecentCompliance) when f.RecentComplianceGap < -0.05 =>
            $"近三个月按期召开的组织生活会议占应开的{Pct(f.RecentCompliance)}，低于同类支部中位数{Points(f.RecentComplianceGap)}个百分点",
        nameof(BranchFeatures.PledgeCoverageGap) or nameof(BranchFeatures.PledgeCoverage) when f.PledgeCoverageGap < -0.05 =>
            $"七一/八一工程承诺覆盖率{Pct(f.PledgeCoverage)}，低于同类支部中位数{Points(f.PledgeCoverageGap)}个百分点",
        nameof(BranchFeatures.PledgeProgressGap) or nameof(BranchFeatures.PledgeCompletion) when f.PledgeProgressGap < -0.03 =>
            $"承诺事项完成进度落后于同类支部{Points(f.PledgeProgressGap)}个百分点（已完成{Pct(f.PledgeCompletion)}）",
        _ => null,
    };

    /// <summary>What a feature is about: two features on the same topic give one reason, not two.</summary>
    public static string Topic(string feature) => feature switch
    {
        nameof(BranchFeatures.Participation3m) or nameof(BranchFeatures.ParticipationGap) or nameof(BranchFeatures.ParticipationTrend) => "participation",
        nameof(BranchFeatures.Attendance3m) or nameof(BranchFeatures.AttendanceGap) or nameof(BranchFeatures.AttendanceTrend) => "attendance",
        nameof(BranchFeatures.Compliance) or nameof(BranchFeatures.ComplianceGap) or nameof(BranchFeatures.RecentCompliance) or nameof(BranchFeatures.RecentComplianceGap) => "meetings",
        nameof(BranchFeatures.PledgeCoverage) or nameof(BranchFeatures.PledgeCoverageGap) => "pledge_coverage",
        nameof(BranchFeatures.PledgeCompletion) or nameof(BranchFeatures.PledgeProgressGap) => "pledge_progress",
        _ => feature,
    };

    /// <summary>
    /// Reasons from the features in order of their contribution (largest first), one per topic. Only features on
    /// which the branch really is worse than its peers give a reason; none at all means the model has nothing it can
    /// show a reader, and such a flag is not raised.
    /// </summary>
    public static List<FlagReason> From(BranchFeatures f, IEnumerable<(string Feature, float Contribution)> contributions, int max = 3)
    {
        var reasons = contributions.Where(c => c.Contribution > 0).OrderByDescending(c => c.Contribution)
            .Select(c => new FlagReason(Topic(c.Feature), Sentence(c.Feature, f)!))
            .Where(r => r.Text is not null)
            .DistinctBy(r => r.Topic)
            .Take(max).ToList();
        return reasons;
    }
}

/// <summary>One reason of a flag: its topic (the topics of catalogues/warning_rules.csv: meetings, participation, attendance, activity,
/// absent_members, pledge_coverage, pledge_progress) and its sentence.</summary>
public sealed record FlagReason(string Topic, string Text)
{
    public override string ToString() => Text;
}
