using System.Text;
using Analytics.Ingest.Loading;
using Analytics.Ingest.Reading;
using Analytics.Warehouse;
using Analytics.Tests.Support;
using MiniExcelLibs;

namespace Analytics.Tests.Ingest;

/// <summary>Each container, encoding and spelling real ledgers arrive in loads to the same facts.</summary>
public class FormatTests
{
    private static TempWarehouse WithUnitsAndMembers() => TempWarehouse.WithLedgers(activities: false);

    private const string ActivitiesChinese = """
        活动编号,组织编号,活动日期,活动类型,活动名称,参与人数
        A001,B01,2026-03-05,主题党日,三月主题党日,12
        A002,B02,2026/3/5,党课,专题党课,8
        A003,C01,2026年3月5日,志愿服务,社区志愿服务,
        A004,B01,46086,党小组会,党小组会,5
        """;

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("gb18030")]
    public void Csv_InEveryEncodingLedgersUse_LoadsTheSameRows(string encoding)
    {
        using var w = WithUnitsAndMembers();
        var bytes = encoding switch
        {
            "gb18030" => FileProbe.Gb18030Strict.GetBytes(ActivitiesChinese),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ActivitiesChinese)],
            _ => Encoding.UTF8.GetBytes(ActivitiesChinese),
        };
        File.WriteAllBytes(w.Inbox("活动.csv"), bytes);

        var outcome = w.Ingest().Single();

        Assert.Equal((FileStatus.Loaded, encoding, 4L, 4L), (outcome.Status, outcome.Encoding, outcome.RowsRead, outcome.RowsLoaded));
        // Four spellings of the same day: ISO, slashes, Chinese, and Excel's serial number 46086.
        Assert.Equal(["2026-03-05"], w.Strings("select distinct strftime(held_on, '%Y-%m-%d') from core.activities"));
        Assert.Equal(["三月主题党日", "专题党课", "社区志愿服务", "党小组会"], w.Strings("select title from core.activities order by activity_id"));
    }

    [Fact]
    public void Csv_FullWidthDigitsAndStraySpaces_AreNormalised()
    {
        using var w = WithUnitsAndMembers();
        w.WriteInbox("a.csv", "活动编号,组织编号,活动日期,活动类型,参与人数,校外受众人数\n A001 ,B01　,２０２６-０３-０５,主题党日 、 支部党员大会,１２, 30 \n");

        var outcome = w.Ingest().Single();

        Assert.Equal(1, outcome.RowsLoaded);
        Assert.Equal("A001|B01|2026-03-05|[主题党日, 支部党员大会]|12|30", w.Strings(
            "select activity_id || '|' || unit_id || '|' || strftime(held_on, '%Y-%m-%d') || '|' || cast(activity_types as varchar) || '|' || participants || '|' || external_audience from core.activities").Single());
    }

    [Fact]
    public void Xlsx_WithChineseHeadersDateCellsAndSerials_Loads()
    {
        using var w = WithUnitsAndMembers();
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["活动编号"] = "A001", ["组织编号"] = "B01", ["活动日期"] = new DateTime(2026, 3, 5), ["活动类型"] = "主题党日", ["参与人数"] = 12, ["时长"] = 1.5 },
            new() { ["活动编号"] = "A002", ["组织编号"] = "B02", ["活动日期"] = 46086, ["活动类型"] = "党课", ["参与人数"] = null, ["时长"] = 2 },
            new() { ["活动编号"] = "A003", ["组织编号"] = "C01", ["活动日期"] = "2026/3/5", ["活动类型"] = "红歌会", ["参与人数"] = 40, ["时长"] = 2 },
        };
        MiniExcel.SaveAs(w.Inbox("活动台账.xlsx"), rows);

        var outcome = w.Ingest().Single();

        Assert.Equal((FileStatus.Loaded, "xlsx", 3L, 3L), (outcome.Status, outcome.Format, outcome.RowsRead, outcome.RowsLoaded));
        Assert.Equal(["2026-03-05"], w.Strings("select distinct strftime(held_on, '%Y-%m-%d') from core.activities"));
        Assert.Equal(["A001|12|1.50", "A002|<none>|2.00", "A003|40|2.00"],
            w.Strings("select activity_id || '|' || coalesce(cast(participants as varchar), '<none>') || '|' || cast(hours as varchar) from core.activities order by 1"));
        // Spreadsheet numbering: the header is row 1.
        Assert.Equal([2L, 3L, 4L], w.Connection.Query("select _row_no from raw.activities order by 1", r => r.GetInt64(0)));
    }

    [Fact]
    public void Json_ArrayOfObjectsWithNumbersAndMissingKeys_Loads()
    {
        using var w = WithUnitsAndMembers();
        w.WriteInbox("pledges.json", """
            [
              {"党员编号": "M001", "工程": "七一", "年度": 2026, "承诺事项": "T1", "承诺日期": "2026-03-01", "完成日期": "2026/6/1", "审核状态": "已审核"},
              {"党员编号": "M003", "工程": "八一工程", "年度": "2026年", "承诺事项": "党员进教室传帮带宣讲", "承诺日期": "2026年3月2日"}
            ]
            """);

        var outcome = w.Ingest().Single();

        Assert.Equal((FileStatus.Loaded, "json", 2L, 2L), (outcome.Status, outcome.Format, outcome.RowsRead, outcome.RowsLoaded));
        Assert.Equal(["M001|七一工程|2026|T1|2026-06-01|已审核", "M003|八一工程|2026|S1||"], w.Strings(
            "select member_id || '|' || programme || '|' || year || '|' || item || '|' || coalesce(strftime(completed_on, '%Y-%m-%d'), '') || '|' || coalesce(review, '') from core.pledges order by 1"));
    }

    [Fact]
    public void Header_AliasFromConfiguration_IsRecognised()
    {
        using var w = WithUnitsAndMembers();
        w.WriteInbox("a.csv", "活动编号,组织编号,活动日期,活动类型\nA001,B01,2026-03-05,主题党日\n");
        w.Ingest();
        w.WriteInbox("att.csv", "活动编号,党员工号,签到情况\nA001,M001,到会\n");
        var options = w.Options with
        {
            HeaderAliases = new Dictionary<string, Dictionary<string, string[]>>
            {
                ["attendance"] = new() { ["member_id"] = ["党员工号"], ["status"] = ["签到情况"] },
            },
        };

        var outcome = new InboxIngestor(w.Connection, TempWarehouse.Catalogue, options, w.Clock).Run().Single();

        Assert.Equal(("attendance", 1L), (outcome.Kind, outcome.RowsLoaded));
        Assert.Equal("出席", w.Strings("select status from core.attendance").Single());
    }

    [Fact]
    public void UnicodeTextExport_Utf16TabSeparated_Loads()
    {
        using var w = WithUnitsAndMembers();
        // What Excel's and WPS's "Unicode 文本" export writes: UTF-16LE with a BOM, tab-separated.
        var text = ActivitiesChinese.Replace(',', '\t');
        File.WriteAllBytes(w.Inbox("活动.txt"), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);

        var outcome = w.Ingest().Single();

        Assert.Equal((FileStatus.Loaded, "utf-16le", 4L, 4L), (outcome.Status, outcome.Encoding, outcome.RowsRead, outcome.RowsLoaded));
        Assert.Equal(["2026-03-05"], w.Strings("select distinct strftime(held_on, '%Y-%m-%d') from core.activities"));
    }

    [Theory]
    [InlineData("a,b,c", ',')]
    [InlineData("a\tb\tc", '\t')]
    [InlineData("a;b;c", ';')]
    [InlineData("\"名称;备注\",b,c", ',')]
    [InlineData("single", ',')]
    public void Delimiter_IsFoundInTheHeaderLine(string header, char expected) =>
        Assert.Equal(expected, CsvRecordReader.DetectDelimiter(header));
}
