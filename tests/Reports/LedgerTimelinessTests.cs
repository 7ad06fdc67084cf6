using System.Text;
using Analytics.Reports.Writing;
using Analytics.Service;
using Analytics.Service.Commands;
using Analytics.Tests.Support;

namespace Analytics.Tests.Reports;

/// <summary>按时报送: a college that stopped sending a monthly ledger is named, with the months missing and the days overdue.</summary>
public class LedgerTimelinessTests
{
    /// <summary>Two colleges with activities every month of 2026 to October; C02 stopped sending attendance after August.</summary>
    private static TempWarehouse WithACollegeThatStoppedSendingAttendance()
    {
        var w = new TempWarehouse(); // today: 2026-11-24 in Asia/Shanghai
        w.WriteInbox("o.csv", """
            组织编号,组织名称,组织类型,上级组织编号,支部类别
            C01,陶瓷美术学院党总支,党总支,,
            B01,陶瓷美术学院教工党支部,党支部,C01,教工
            C02,设计艺术学院党总支,党总支,,
            B21,设计艺术学院学生党支部,党支部,C02,学生
            """);
        w.WriteInbox("m.csv", "党员编号,姓名,人员类别,所在支部编号,转入日期\nM001,张三,教工,B01,2020-01-01\nM021,李四,学生,B21,2024-09-01\n");
        var activities = new StringBuilder("活动编号,组织编号,活动日期,活动类型\n");
        var attendance = new StringBuilder("活动编号,党员编号,出勤状态\n");
        foreach (var month in Enumerable.Range(1, 10))
        {
            activities.Append($"A01{month:00},B01,2026-{month:00}-10,主题党日\nA21{month:00},B21,2026-{month:00}-12,主题党日\n");
            attendance.Append($"A01{month:00},M001,出席\n");
            if (month <= 8) attendance.Append($"A21{month:00},M021,出席\n");
        }
        w.WriteInbox("a.csv", activities.ToString());
        w.WriteInbox("t.csv", attendance.ToString());
        w.Ingest();
        return w;
    }

    /// <summary>The queries as the program ships them beside itself.</summary>
    private static readonly string Queries = Path.Combine(AppContext.BaseDirectory, "queries");

    [Fact]
    public void CollegeThatStoppedSendingAttendance_IsLate_WithItsMonthsAndDays()
    {
        using var w = WithACollegeThatStoppedSendingAttendance();

        var late = new ReportQuery(w.Connection, Queries).Run("ledger_timeliness", "2026-11", "school", new DateOnly(2026, 11, 24));

        // August is 暑假 (not expected); September's attendance was due 5 October, October's 5 November: 50 days since the first.
        var row = Assert.Single(late.Rows);
        Assert.Equal(("C02", "attendance", "2026-08", "2026-09、2026-10", 2L, 50L),
            ((string)row["college_id"]!, (string)row["kind"]!, (string)row["last_month_sent"]!, (string)row["months_missing"]!,
                (long)row["n_months_missing"]!, (long)row["days_overdue"]!));
    }

    [Fact]
    public void BeforeTheDueDay_NothingIsLateYet()
    {
        using var w = WithACollegeThatStoppedSendingAttendance();

        // On 4 September, August (a break) and July (due 5 August, sent) leave nothing overdue.
        var late = new ReportQuery(w.Connection, Queries).Run("ledger_timeliness", "2026-09", "school", new DateOnly(2026, 9, 4));

        Assert.Equal(0, late.Count);
    }

    [Fact]
    public void Status_NamesTheLateCollegeAndLedger()
    {
        using var w = WithACollegeThatStoppedSendingAttendance();
        w.Connection.Dispose();
        var settings = new AnalyticsSettings { DataDir = w.Root, QueriesDir = Queries };
        var output = new StringWriter();

        StatusCommand.Run(settings, w.Clock, output);

        Assert.Contains("Late (按时报送) as of 2026-11-24: 1 college(s)", output.ToString());
        var line = output.ToString().Split('\n').Single(l => l.Contains("C02 设计艺术学院党总支", StringComparison.Ordinal));
        Assert.All(new[] { "attendance (签到表)", "2026-08", "2026-09、2026-10", "50" }, piece => Assert.Contains(piece, line));
        w.Reopen();
    }
}
