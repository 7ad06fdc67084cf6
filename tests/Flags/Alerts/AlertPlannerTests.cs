using Analytics.Flags;
using Analytics.Flags.Alerts;
using Analytics.Warehouse;
using Analytics.Tests.Support;

namespace Analytics.Tests.Flags.Alerts;

public class AlertPlannerTests
{
    private static void Flag(TempWarehouse w, string month, bool flagged, params string[] topics) =>
        w.Connection.Execute("insert into marts.branch_flags values ('B01', '教工党支部', 'C01', ?, 0.9, 0.5, ?, 'lagging-test', ?, ?)",
            month, flagged, flagged ? topics.Select(t => $"{t}的原因").ToList() : null, flagged ? topics.ToList() : null);

    private static List<string> Plan(TempWarehouse w) =>
        new AlertPlanner(w.Connection, w.Clock).Plan().Select(a => $"{a.MonthId}:{string.Join("+", a.Topics)}").ToList();

    [Fact]
    public void Alerts_OncePerBranchMonthAndReason_NotForAPersistingFlag_AgainAfterRecovery()
    {
        using var w = TempWarehouse.WithLedgers(activities: false);
        Flagger.CreateFlagsTable(w.Connection);

        Flag(w, "2026-01", true, "participation");
        Assert.Equal(["2026-01:participation"], Plan(w));
        Assert.Empty(Plan(w)); // the same month again: already alerted

        Flag(w, "2026-02", true, "participation");
        Assert.Empty(Plan(w)); // the flag persists with the same reason

        Flag(w, "2026-03", true, "participation", "meetings");
        Assert.Equal(["2026-03:meetings"], Plan(w)); // only the new reason

        Flag(w, "2026-04", false);
        Assert.Empty(Plan(w)); // recovered: nothing flagged in the latest month

        Flag(w, "2026-05", true, "participation");
        Assert.Equal(["2026-05:participation"], Plan(w)); // lags again after recovering

        Assert.Equal(3L, w.Scalar<long>("select count(*) from ops.alerts"));
    }

    [Fact]
    public void AlertText_IsChineseWithTheBranchCollegeMonthAndReasons()
    {
        using var w = TempWarehouse.WithLedgers(activities: false);
        Flagger.CreateFlagsTable(w.Connection);
        Flag(w, "2026-03", true, "participation");

        var alert = new AlertPlanner(w.Connection, w.Clock).Plan().Single();

        Assert.Equal("【窑火红】支部预警：教工党支部（2026年3月）", alert.Title);
        Assert.Contains("**教工党支部**（陶瓷美术学院党总支）在2026年3月被判定为可能落后", alert.Markdown);
        Assert.Contains("- participation的原因", alert.Markdown);
        Assert.DoesNotContain("**", alert.PlainText);
    }
}
