using System.Text.RegularExpressions;
using Analytics.Ingest.Feedback;
using Analytics.Ingest.Loading;
using Analytics.Tests.Support;
using Analytics.Warehouse;
using MiniExcelLibs;

namespace Analytics.Tests.Ingest.Feedback;

/// <summary>
/// The organiser who sent a file learns, in Chinese, what was wrong in it: every reason code has a Chinese text that
/// names the row and column, and every file with anything to report gets a 问题清单 (XLSX and CSV) beside it.
/// </summary>
public class FeedbackTests
{
    private static readonly string LongText = new('长', 4001);

    /// <summary>Ledgers with a planted row for every reason code (and an exact duplicate).</summary>
    private static TempWarehouse WithPlantedRows()
    {
        var w = TempWarehouse.WithLedgers(activities: false);
        w.WriteInbox("members.csv", """
            党员编号,姓名,人员类别,所在支部编号,转入日期,转出日期,党员状态
            M010,赵六,教工,C01,2024-01-01,,正式党员
            M011,钱七,学生,B02,2024-09-01,2024-03-01,正式党员
            M012,孙八,学生,B02,2024-09-01,,积极分子
            M013,周九,学生,B02,2024-09-01,,正式党员
            """);
        w.WriteInbox("activities.csv", $"""
            活动编号,组织编号,活动日期,活动类型,活动名称,参与人数,时长
            A001,B01,2026-03-05,主题党日,三月主题党日,12,1.5
            A002,,2026-03-05,党课,缺组织,8,1
            A003,B01,2026-13-45,党课,错日期,8,1
            A004,B01,2027-01-05,党课,未来,8,1
            A005,B01,2026-03-05,党课,人数,十二,1
            A006,B01,2026-03-05,党课,负数,-3,1
            A007,B01,2026-03-05,唱歌,类型,8,1
            A008,C99,2026-03-05,党课,组织,8,1
            A 009!,B01,2026-03-05,党课,编号,8,1
            A010,B01,2026-03-05,党课,重复一,8,1
            A010,B01,2026-03-06,党课,重复二,8,1
            A001,B01,2026-03-05,主题党日,三月主题党日,12,1.5
            A011,B01,2026-03-05,党课,{LongText},8,1
            A012,B01,2026-03-05,党课,多了一列,8,1,9,9
            """);
        w.WriteInbox("attendance.csv", """
            活动编号,党员编号,出勤状态
            A001,M001,出席
            A999,M001,出席
            """);
        w.WriteInbox("pledges.csv", """
            党员编号,工程,年度,承诺事项,承诺日期,完成日期
            M001,七一工程,2026,T1,2026-03-01,2026-02-01
            M001,七一工程,二〇二六,T2,2026-03-01,
            M001,七一工程,2026,T9,2026-03-01,
            M003,七一工程,2026,S1,2026-03-01,
            M999,八一工程,2026,S1,2026-03-01,
            """);
        w.Ingest();
        return w;
    }

    [Fact]
    public void EveryReasonCode_HasAChineseTextNamingTheRowAndColumn_AndAFix()
    {
        using var w = WithPlantedRows();

        var rows = w.Connection.Query("select reason_code, row_no, reason_zh, fix_zh from ops.quarantine",
            r => (Code: r.GetString(0), Row: r.GetInt64(1), Reason: r.GetString(2), Fix: r.GetString(3)));
        var codes = rows.Select(r => r.Code).ToHashSet();

        Assert.Equal(QuarantineReasons.All.Select(e => e.Code).Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
        foreach (var (code, row, reason, fix) in rows)
        {
            Assert.StartsWith($"第{row}行", reason);
            Assert.Matches(new Regex(@"\p{IsCJKUnifiedIdeographs}{2,}"), fix);
            Assert.DoesNotMatch(new Regex("[A-Za-z]{4,}"), Regex.Replace(reason, "“[^”]*”|[A-Z]\\d+", "")); // no English outside quoted values and ids
            Assert.False(string.IsNullOrWhiteSpace(QuarantineReasons.Of(code).Meaning));
        }
        // The column is named by its Chinese header, with the value as written.
        Assert.Contains(rows, r => r.Reason == "第4行“活动日期”填写为“2026-13-45”，不是有效日期");
        Assert.Contains(rows, r => r.Reason == "第3行“组织编号”未填写");
    }

    [Fact]
    public void EachFileWithProblems_GetsAFeedbackListBesideIt_WithCountsFirstAndOneLinePerProblem()
    {
        using var w = WithPlantedRows();

        var archived = Directory.GetFiles(w.Options.ArchiveDir, "*", SearchOption.AllDirectories);
        var xlsx = archived.Single(p => Path.GetFileName(p) == "activities" + FeedbackWriter.Suffix + ".xlsx");
        Assert.Contains(archived, p => Path.GetFileName(p) == "activities" + FeedbackWriter.Suffix + ".csv");
        Assert.Equal(4, archived.Count(p => p.EndsWith(FeedbackWriter.Suffix + ".xlsx", StringComparison.Ordinal)));
        // The clean org units and members loaded before have nothing to report, and get no list.
        Assert.DoesNotContain(archived, p => Path.GetFileName(p).StartsWith("o" + FeedbackWriter.Suffix, StringComparison.Ordinal));

        var sheet = MiniExcel.Query(xlsx, useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString() ?? "").ToList()).ToList();
        var counts = w.Connection.Query("select rows_read, rows_loaded, rows_quarantined, duplicates_skipped from ops.ingested_files where file_name = 'activities.csv'",
            r => (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3))).Single();
        Assert.Equal("问题清单：activities.csv", sheet[0][0]);
        Assert.Equal($"本文件（活动台账）共读取 {counts.Item1} 行记录：导入 {counts.Item2} 行，{counts.Item3} 行有问题未导入，请按下表更正后重新报送这些行，{counts.Item4} 行与前面的行完全相同，已按一行导入。", sheet[1][0]);
        Assert.Equal(["行号", "列", "填写内容", "问题", "修改建议", "类别"], sheet[2].Take(6));
        var problems = sheet.Skip(3).ToList();
        var quarantineLines = w.Scalar<long>("select count(*) from ops.quarantine where file_name = 'activities.csv'");
        Assert.Equal(quarantineLines + counts.Item4, problems.Count);
        Assert.Contains(problems, p => p[0] == "13" && p[3] == "第13行与第2行完全相同，已按一行导入");
        Assert.Contains(problems, p => p[0] == "9" && p[1] == "组织编号" && p[2] == "C99");
        // Rows in the order of the file, so the organiser can go down it.
        Assert.Equal(problems.Select(p => long.Parse(p[0])).Order(), problems.Select(p => long.Parse(p[0])));
    }

    [Fact]
    public void CorrectedFileOfOnlyTheFixedRows_LoadsThem()
    {
        using var w = WithPlantedRows();
        var before = w.Scalar<long>("select count(*) from core.activities");

        w.WriteInbox("activities-fixed.csv", """
            活动编号,组织编号,活动日期,活动类型,活动名称,参与人数,时长
            A002,B02,2026-03-05,党课,缺组织,8,1
            A003,B01,2026-03-15,党课,错日期,8,1
            """);
        var outcome = w.Ingest().Single();

        Assert.Equal((2L, 0L), (outcome.RowsLoaded, outcome.RowsQuarantined));
        Assert.Equal(before + 2, w.Scalar<long>("select count(*) from core.activities"));
        Assert.Null(outcome.FeedbackPath);
    }
}
