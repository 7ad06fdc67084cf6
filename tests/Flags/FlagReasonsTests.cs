using Analytics.Flags;

namespace Analytics.Tests.Flags;

public class FlagReasonsTests
{
    private static BranchFeatures Branch() => new()
    {
        BranchId = "B01", Participation3m = 0.41f, ParticipationGap = -0.47f, ParticipationTrend = -0.26f,
        Attendance3m = 0.19f, AttendanceGap = -0.6f, Compliance = 0.39f, ComplianceGap = -0.48f,
        PledgeCoverage = 0.95f, PledgeCoverageGap = 0.02f,
    };

    [Fact]
    public void Sentence_QuotesTheBranchsOwnFigures()
    {
        Assert.Equal("近三个月党员参与率41%，低于同类支部中位数47个百分点", FlagReasons.Sentence(nameof(BranchFeatures.ParticipationGap), Branch()));
        Assert.Equal("“三会一课”按期完成率39%，低于同类支部中位数48个百分点", FlagReasons.Sentence(nameof(BranchFeatures.ComplianceGap), Branch()));
    }

    [Fact]
    public void FeatureThatIsNoWeakness_GivesNoReason() =>
        // Pledge coverage 95% is above the peers' median: even if the model leaned on it, it is no reason.
        Assert.Null(FlagReasons.Sentence(nameof(BranchFeatures.PledgeCoverageGap), Branch()));

    [Fact]
    public void Reasons_FollowTheContributions_OnePerTopic_AtMostThree()
    {
        var reasons = FlagReasons.From(Branch(),
        [
            (nameof(BranchFeatures.AttendanceGap), 2.0f), (nameof(BranchFeatures.Attendance3m), 1.9f),
            (nameof(BranchFeatures.PledgeCoverageGap), 1.5f), (nameof(BranchFeatures.ComplianceGap), 1.0f),
            (nameof(BranchFeatures.ParticipationTrend), 0.5f), (nameof(BranchFeatures.ParticipationGap), 0.4f),
        ]);
        Assert.Equal(
        [
            "组织生活出勤率19%，低于同类支部中位数60个百分点",
            "“三会一课”按期完成率39%，低于同类支部中位数48个百分点",
            "参与率较前三个月下降26个百分点",
        ], reasons.Select(r => r.Text));
        Assert.Equal(["attendance", "meetings", "participation"], reasons.Select(r => r.Topic));
    }

    [Fact]
    public void NoFigureWorseThanPeers_GivesNoReason_NotAGenericOne() =>
        Assert.Empty(FlagReasons.From(Branch(), [(nameof(BranchFeatures.Members), 1f), (nameof(BranchFeatures.PledgeCoverageGap), 0.8f)]));
}
