using Analytics.Warehouse;
using Analytics.Tests.Support;

namespace Analytics.Tests.Ingest;

/// <summary>Every contract break DESIGN.md lists lands in ops.quarantine with its file, row, column, value and reason.</summary>
public class QuarantineTests
{
    private static TempWarehouse Loaded() => TempWarehouse.WithLedgers(activities: true);

    [Theory]
    [InlineData("活动编号,组织编号,活动日期,活动类型\nX1,B01,,主题党日\n", "missing_required", "held_on", null)]
    [InlineData("活动编号,组织编号,活动日期,活动类型\nX1,B09,2026-03-05,主题党日\n", "unknown_unit", "unit_id", "B09")]
    [InlineData("活动编号,组织编号,活动日期,活动类型\nX1,B01,2026-02-30,主题党日\n", "bad_date", "held_on", "2026-02-30")]
    [InlineData("活动编号,组织编号,活动日期,活动类型\nX1,B01,2026-12-01,主题党日\n", "future_date", "held_on", "2026-12-01")]
    [InlineData("活动编号,组织编号,活动日期,活动类型,参与人数\nX1,B01,2026-03-05,主题党日,-3\n", "negative_count", "participants", "-3")]
    [InlineData("活动编号,组织编号,活动日期,活动类型,参与人数\nX1,B01,2026-03-05,主题党日,十二\n", "bad_number", "participants", "十二")]
    [InlineData("活动编号,组织编号,活动日期,活动类型\nX1,B01,2026-03-05,主题党日、联欢会\n", "unknown_activity_type", "activity_type", "主题党日、联欢会")]
    [InlineData("活动编号,党员编号,出勤状态\nA001,M999,出席\n", "unknown_member", "member_id", "M999")]
    [InlineData("活动编号,党员编号,出勤状态\nA999,M001,出席\n", "unknown_activity", "activity_id", "A999")]
    [InlineData("活动编号,党员编号,出勤状态\nA001,M001,迟到\n", "unknown_value", "status", "迟到")]
    [InlineData("党员编号,工程,年度,承诺事项\nM001,七一工程,2026,T8\n", "unknown_pledge_item", "item", "T8")]
    [InlineData("党员编号,工程,年度,承诺事项\nM001,七一工程,2026,S1\n", "pledge_item_programme", "item", "S1")]
    [InlineData("党员编号,工程,年度,承诺事项\nM001,七一工程,20260,T1\n", "bad_year", "year", "20260")]
    [InlineData("member_id,name,member_type,branch_id,valid_from\nM009,赵六,教工,C01,2026-01-01\n", "not_a_branch", "branch_id", "C01")]
    [InlineData("member_id,name,member_type,branch_id,valid_from,valid_to\nM009,赵六,教工,B01,2026-01-01,2025-12-31\n", "bad_period", "valid_to", "2025-12-31")]
    public void BrokenRow_IsQuarantinedWithItsReason(string csv, string reasonCode, string column, string? rawValue)
    {
        using var w = Loaded();
        // A good row first, so the bad one is spreadsheet row 3 and the good one still loads.
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        w.WriteInbox("bad.csv", lines[0] + "\n" + GoodRow(lines[0]) + "\n" + lines[1] + "\n");

        var outcome = w.Ingest().Single();

        Assert.Equal((2L, 1L, 1L, 0L), (outcome.RowsRead, outcome.RowsLoaded, outcome.RowsQuarantined, outcome.DuplicatesSkipped));
        var hit = w.Connection.Query("select file_name, row_no, column_name, raw_value, reason_code, reason, raw_row from ops.quarantine",
            r => (File: r.GetString(0), Row: r.GetInt64(1), Column: r.GetStringOrNull(2), Raw: r.GetStringOrNull(3), Code: r.GetString(4), Reason: r.GetString(5), RawRow: r.GetString(6))).Single();
        Assert.Equal(("bad.csv", 3L, column, rawValue, reasonCode), (hit.File, hit.Row, hit.Column, hit.Raw, hit.Code));
        Assert.False(string.IsNullOrWhiteSpace(hit.Reason));
        Assert.Contains(lines[1].Split(',')[0], hit.RawRow); // the whole raw row is kept
    }

    private static string GoodRow(string header) => header switch
    {
        var h when h.StartsWith("活动编号,组织编号") => "G1,B01,2026-03-01,主题党日" + (h.Contains("参与人数") ? ",5" : ""),
        var h when h.StartsWith("活动编号,党员编号") => "A002,M003,出席",
        var h when h.StartsWith("党员编号") => "M003,八一工程,2026,S2",
        var h when h.Contains("valid_to") => "M010,钱七,教工,B01,2026-01-01,",
        _ => "M010,钱七,教工,B01,2026-01-01",
    };

    [Fact]
    public void SameKeyWithDifferentContent_QuarantinesEveryRowOfIt_AndExactCopiesAreSkipped()
    {
        using var w = Loaded();
        w.WriteInbox("att.csv", "activity_id,member_id,status\nA001,M001,出席\nA001,M001,缺席\nA002,M003,出席\nA002,M003,出席\nA002,M002,请假\n");

        var outcome = w.Ingest().Single();

        // 5 read = 2 loaded (A002/M003 once, A002/M002) + 2 quarantined (both A001/M001 rows) + 1 exact copy.
        Assert.Equal((5L, 2L, 2L, 1L), (outcome.RowsRead, outcome.RowsLoaded, outcome.RowsQuarantined, outcome.DuplicatesSkipped));
        Assert.Equal(["2|duplicate_key", "3|duplicate_key"], w.Strings("select row_no || '|' || reason_code from ops.quarantine order by row_no"));
        Assert.Contains("rows 2, 3", w.Strings("select reason from ops.quarantine").First());
        Assert.Equal("activity_id, member_id|A001, M001", w.Strings("select column_name || '|' || raw_value from ops.quarantine").First());
    }

    [Fact]
    public void ChoiceColumnWithManySpellings_IsMappedAsOneWithAFew()
    {
        // More spellings than are mapped inline (a case): the column is joined on its spellings instead, same outcome.
        using var w = Loaded();
        var unknown = Enumerable.Range(1, 40).Select(i => $"A001,M002,迟到{i}");
        w.WriteInbox("att.csv", "activity_id,member_id,status\nA001,M001, 出席 \nA002,M003,请假\n" + string.Join("\n", unknown) + "\n");

        var outcome = w.Ingest().Single();

        Assert.Equal((42L, 2L, 40L, 0L), (outcome.RowsRead, outcome.RowsLoaded, outcome.RowsQuarantined, outcome.DuplicatesSkipped));
        Assert.Equal(["A001|M001|出席", "A002|M003|请假"], w.Strings("select activity_id || '|' || member_id || '|' || status from core.attendance order by 1"));
        Assert.Equal(["unknown_value|40"], w.Strings("select reason_code || '|' || count(*) from ops.quarantine group by reason_code"));
    }

    [Fact]
    public void RowWithSeveralProblems_IsOneQuarantinedRowWithEveryReason()
    {
        using var w = Loaded();
        w.WriteInbox("a.csv", "活动编号,组织编号,活动日期,活动类型,参与人数\nX1,B09,2026-13-01,联欢会,-1\n");

        var outcome = w.Ingest().Single();

        Assert.Equal(1, outcome.RowsQuarantined);
        Assert.Equal(["bad_date", "negative_count", "unknown_activity_type", "unknown_unit"],
            w.Strings("select reason_code from ops.quarantine order by 1"));
    }

    [Fact]
    public void CsvRecordWithTooManyFields_IsQuarantined_AndLaterRowsKeepTheirNumbers()
    {
        using var w = Loaded();
        // Row 3 has an extra field; row 4 holds a quoted newline; row 5 has an unknown member.
        w.WriteInbox("att.csv", "activity_id,member_id,status\nA001,M001,出席\nA001,M002,出席,多余\nA002,\"M003\",\"出席\"\nA003,M404,出席\n");

        var outcome = w.Ingest().Single();

        Assert.Equal((4L, 2L, 2L), (outcome.RowsRead, outcome.RowsLoaded, outcome.RowsQuarantined));
        Assert.Equal(["3|malformed_row", "5|unknown_member"], w.Strings("select row_no || '|' || reason_code from ops.quarantine order by row_no"));
        Assert.Contains("多余", w.Strings("select raw_value from ops.quarantine where row_no = 3").Single());
    }

    [Fact]
    public void QuotedNewlineInAField_KeepsSpreadsheetRowNumbers()
    {
        using var w = Loaded();
        w.WriteInbox("a.csv", "活动编号,组织编号,活动日期,活动类型,活动名称\nX1,B01,2026-03-01,主题党日,\"两行\n标题\"\nX2,B01,2026-03-02,联欢会,坏行\n");

        w.Ingest();

        Assert.Equal("两行\n标题", w.Strings("select title from core.activities where activity_id = 'X1'").Single());
        Assert.Equal(3L, w.Scalar<long>("select row_no from ops.quarantine"));
    }
}
