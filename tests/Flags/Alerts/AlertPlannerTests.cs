using System.Text.Json;
using Analytics.Flags;
using Analytics.Flags.Alerts;
using Analytics.Tests.Support;
using Analytics.Warehouse;

namespace Analytics.Tests.Flags.Alerts;

/// <summary>Warnings with a lifecycle: first alert, monthly reminder, escalation to the college, closing notice.</summary>
public class AlertPlannerTests
{
    private static TempWarehouse Warehouse()
    {
        var w = TempWarehouse.WithLedgers(activities: false);
        Flagger.CreateFlagsTable(w.Connection);
        // The two views the alerts read the overdue meetings from, as the model build makes them: one 支委会 missed in March.
        w.Connection.Execute("create schema if not exists intermediate");
        w.Connection.Execute("""
            create view intermediate.int_org_life_periods as
            select 'B0101' as branch_id, '支部委员会' as activity_type, 'month' as period, date '2026-03-01' as period_start,
                date '2026-03-31' as period_end, true as is_applicable, false as is_met
            """);
        w.Connection.Execute("""
            create view intermediate.int_teaching_windows as
            select strftime(m, '%Y-%m') as month_id, strftime(m - interval (k) month, '%Y-%m') as window_month_id
            from range(date '2025-10-01', date '2027-01-01', interval 1 month) as t(m), range(0, 3) as r(k)
            """);
        return w;
    }

    private static void Flag(TempWarehouse w, string month, bool flagged, bool isBreak = false) =>
        w.Connection.Execute("""
            insert into marts.branch_flags values ('B0101', '陶瓷美术学院教工党支部', 'C01', ?, 0.9, 0.5, ?, 'lagging-test', ?, ?,
                'supervised', ?, false, false, ?, ?, ?)
            """, month, flagged, flagged ? new List<string> { "近三个月党员参与率52%，低于警戒线70%（同类支部中位数95%）" } : null,
            flagged ? new List<string> { "participation" } : null, flagged, isBreak, flagged ? new List<string> { "规则预警" } : new List<string>(),
            flagged ? new List<string> { "participation_low" } : new List<string>());

    private static List<string> Plan(TempWarehouse w, int escalateAfter = 3) =>
        new AlertPlanner(w.Connection, w.Clock, new AlertOptions { EscalateAfterMonths = escalateAfter }).Plan()
            .Select(a => $"{a.MonthId}:{a.Kind}:{a.MonthsFlagged}").ToList();

    [Fact]
    public void FirstRun_AlertsEveryBranchFlaggedInTheLatestMonth_WhateverItsHistory()
    {
        using var w = Warehouse();
        foreach (var m in new[] { "2026-01", "2026-02", "2026-03", "2026-04" }) Flag(w, m, true);
        // Flagged four months before anything was ever sent: the first alert counts them, and the college is told.
        Assert.Equal(["2026-04:open:4", "2026-04:escalate:4"], Plan(w));
        Assert.Empty(Plan(w)); // a re-run sends nothing twice
        Assert.Equal("open|2026-01|4|2026-03", w.Strings("select status || '|' || opened_month || '|' || months_flagged || '|' || escalated_month from ops.warnings").Single());
    }

    [Fact]
    public void Lifecycle_Reminder_Escalation_Closing_ThenANewWarning()
    {
        using var w = Warehouse();
        Flag(w, "2026-01", true);
        Assert.Equal(["2026-01:open:1"], Plan(w));
        Flag(w, "2026-02", true);
        Assert.Equal(["2026-02:reminder:2"], Plan(w));
        Flag(w, "2026-03", true);
        Assert.Equal(["2026-03:reminder:3", "2026-03:escalate:3"], Plan(w));
        Flag(w, "2026-04", false);
        Assert.Empty(Plan(w)); // one month without the condition is not yet a recovery
        Flag(w, "2026-05", false);
        Assert.Equal(["2026-05:close:3"], Plan(w));
        Flag(w, "2026-06", true);
        Assert.Equal(["2026-06:open:1"], Plan(w));
        Assert.Equal(["closed", "open"], w.Strings("select status from ops.warnings order by opened_month"));
    }

    [Fact]
    public void ABreakMonth_NeitherClosesAWarningNorCountsTowardsClosing()
    {
        using var w = Warehouse();
        Flag(w, "2026-07", true);
        Assert.Equal(["2026-07:open:1"], Plan(w));
        Flag(w, "2026-08", false, isBreak: true);
        Flag(w, "2026-09", false);
        Assert.Empty(Plan(w));
        Flag(w, "2026-10", false);
        Assert.Equal(["2026-10:close:1"], Plan(w));
    }

    [Fact]
    public void MissedMonths_AreCaughtUp_TransitionsOfEach_ReminderOnlyForTheLatest()
    {
        using var w = Warehouse();
        Flag(w, "2026-01", true);
        Assert.Equal(["2026-01:open:1"], Plan(w));
        // The service was down for three months.
        foreach (var m in new[] { "2026-02", "2026-03", "2026-04" }) Flag(w, m, true);
        Assert.Equal(["2026-03:escalate:3", "2026-04:reminder:4"], Plan(w));
    }

    [Fact]
    public void AlertText_SaysWhatToDo_InChinese()
    {
        using var w = Warehouse();
        Flag(w, "2026-03", true);
        var alert = new AlertPlanner(w.Connection, w.Clock).Plan().Single();
        Assert.Equal("【窑火红】支部预警：陶瓷美术学院教工党支部（2026年3月）", alert.Title);
        Assert.Contains("**陶瓷美术学院教工党支部**（陶瓷美术学院党总支）在2026年3月触发规则预警。", alert.Markdown);
        Assert.Contains("- 近三个月党员参与率52%，低于警戒线70%（同类支部中位数95%）", alert.Markdown);
        Assert.Contains("未按期召开的会议：支部委员会（2026年3月）", alert.Markdown);
        // The measure of the reason's topic, due within its days of today (the fixed clock: 24 November 2026).
        Assert.Contains("支部书记逐一联系近期未参加活动的党员", alert.Markdown);
        Assert.Contains("2026年12月24日前完成", alert.Markdown);
        Assert.Contains("责任：陶瓷美术学院教工党支部书记；督导：陶瓷美术学院党总支", alert.Markdown);
        Assert.DoesNotContain("**", alert.PlainText);
    }

    /// <summary>The whole lifecycle over a real webhook on loopback: each kind of alert arrives once.</summary>
    [Fact]
    public async Task OverARealWebhook_FirstAlert_Reminder_Escalation_ClosingNotice_EachOnce()
    {
        using var w = Warehouse();
        using var server = new LoopbackHttpServer(200);
        using var http = new HttpClient();
        var options = new AlertOptions { EscalateAfterMonths = 2, Retries = 0, Webhook = new WebhookOptions { Url = server.Url, Format = "wecom" } };
        var channels = AlertDispatcher.Channels(options, http);
        foreach (var (month, flagged) in new[] { ("2026-01", true), ("2026-02", true), ("2026-03", false), ("2026-04", false) })
        {
            Flag(w, month, flagged);
            var alerts = new AlertPlanner(w.Connection, w.Clock, options).Plan();
            await new AlertDispatcher(w.Connection, channels, options, w.Clock).DeliverAsync(alerts);
            // Running again (as the service does on every ingest) sends nothing more.
            Assert.Empty(new AlertPlanner(w.Connection, w.Clock, options).Plan());
        }
        var titles = server.Bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("markdown").GetProperty("content").GetString()!.Split('\n')[0]).ToList();
        Assert.Equal(
        [
            "### 【窑火红】支部预警：陶瓷美术学院教工党支部（2026年1月）",
            "### 【窑火红】预警提醒：陶瓷美术学院教工党支部已连续2个月处于预警（2026年2月）",
            "### 【窑火红】预警升级督办：陶瓷美术学院教工党支部已连续2个月处于预警（2026年2月）",
            "### 【窑火红】解除预警：陶瓷美术学院教工党支部（2026年4月）",
        ], titles);
        Assert.Equal(["branch", "branch", "college", "branch"], w.Strings("select audience from ops.alerts order by alert_id"));
    }
}
