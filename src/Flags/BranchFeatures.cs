using Microsoft.ML.Data;

namespace Analytics.Flags;

/// <summary>One branch in one month, as the lagging-branch model sees it (queries/flags/branch_features.sql).</summary>
public sealed class BranchFeatures
{
    public string BranchId { get; set; } = "";
    public string BranchName { get; set; } = "";
    public string CollegeId { get; set; } = "";
    public string Category { get; set; } = "";
    public string MonthId { get; set; } = "";
    public int Year { get; set; }

    /// <summary>Training label: the branch ended the year lagging (述职评议 一般/差). Null where no grade exists.</summary>
    [NoColumn]
    public bool? YearLagging { get; set; }

    public bool Label { get; set; }

    /// <summary>Rank of the branch's composite score among branches of its category that month (1 = best), and how many they are.</summary>
    [NoColumn]
    public int RankAmongPeers { get; set; }

    [NoColumn]
    public int Peers { get; set; }

    /// <summary>The month is a break of the academic calendar (寒假, 暑假).</summary>
    [NoColumn]
    public bool IsBreakMonth { get; set; }

    public float Members { get; set; }
    public float Participation3m { get; set; }
    public float Attendance3m { get; set; }
    public float Compliance { get; set; }
    public float PledgeCoverage { get; set; }
    public float PledgeCompletion { get; set; }
    public float ParticipationTrend { get; set; }
    public float AttendanceTrend { get; set; }
    public float ParticipationGap { get; set; }
    public float AttendanceGap { get; set; }
    public float ComplianceGap { get; set; }
    public float RecentCompliance { get; set; }
    public float RecentComplianceGap { get; set; }
    public float PledgeCoverageGap { get; set; }
    public float PledgeProgressGap { get; set; }
    public float IsStudent { get; set; }

    /// <summary>The model's inputs, in the order of the feature vector.</summary>
    public static readonly string[] FeatureNames =
    [
        nameof(Members), nameof(Participation3m), nameof(Attendance3m), nameof(Compliance), nameof(PledgeCoverage),
        nameof(PledgeCompletion), nameof(ParticipationTrend), nameof(AttendanceTrend), nameof(ParticipationGap),
        nameof(AttendanceGap), nameof(ComplianceGap), nameof(RecentCompliance), nameof(RecentComplianceGap), nameof(PledgeCoverageGap), nameof(PledgeProgressGap), nameof(IsStudent),
    ];
}
