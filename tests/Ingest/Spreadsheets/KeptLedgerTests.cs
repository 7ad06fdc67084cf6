using System.Text;
using Analytics.Ingest.Loading;
using Analytics.Tests.Support;
using Analytics.Warehouse;
using NPOI.HSSF.UserModel;
using NPOI.SS.UserModel;
using NPOI.SS.Util;
using NPOI.XSSF.UserModel;

namespace Analytics.Tests.Ingest.Spreadsheets;

/// <summary>
/// Ledgers as 组织委员 keep them in Excel and WPS (a title above the header, 填表单位 lines, a 合计 row and signatures
/// below, several sheets, a header over two rows, the old .xls format) load exactly like their plain equivalents.
/// The workbooks are written by NPOI, the way Excel writes them (merged cells, date cells, formulas with cached values).
/// </summary>
public class KeptLedgerTests
{
    private static readonly string[] Header = ["活动编号", "组织编号", "活动日期", "活动类型", "活动名称", "参与人数"];

    private static readonly object?[][] Records =
    [
        ["A001", "B01", new DateTime(2026, 3, 5), "主题党日", "三月主题党日", 12],
        ["A002", "B02", new DateTime(2026, 3, 6), "党课", "专题党课", 8],
        ["A003", "C01", new DateTime(2026, 3, 7), "志愿服务", "社区志愿服务", 30],
    ];

    /// <summary>The facts the plain file loads: what every kept layout must load too.</summary>
    private static List<string> Facts(TempWarehouse w) => w.Strings("""
        select activity_id || '|' || unit_id || '|' || strftime(held_on, '%Y-%m-%d') || '|' || cast(activity_types as varchar)
            || '|' || coalesce(title, '') || '|' || coalesce(cast(participants as varchar), '')
        from core.activities order by activity_id
        """);

    private static readonly string[] Expected =
    [
        "A001|B01|2026-03-05|[主题党日]|三月主题党日|12",
        "A002|B02|2026-03-06|[党课]|专题党课|8",
        "A003|C01|2026-03-07|[志愿服务]|社区志愿服务|30",
    ];

    /// <summary>Title (merged over the columns), 填表单位 line, blank row, header, records, 合计 row with a formula, signatures.</summary>
    private static void KeptSheet(IWorkbook workbook, string name)
    {
        var sheet = workbook.CreateSheet(name);
        var dateStyle = workbook.CreateCellStyle();
        dateStyle.DataFormat = workbook.CreateDataFormat().GetFormat("yyyy-mm-dd");
        sheet.CreateRow(0).CreateCell(0).SetCellValue("陶瓷美术学院党总支活动台账（2026年3月）");
        sheet.AddMergedRegion(new CellRangeAddress(0, 0, 0, Header.Length - 1));
        var unit = sheet.CreateRow(1);
        unit.CreateCell(0).SetCellValue("填表单位：陶瓷美术学院党总支");
        unit.CreateCell(4).SetCellValue("填表日期：2026年4月2日");
        var header = sheet.CreateRow(3);
        for (var i = 0; i < Header.Length; i++) header.CreateCell(i).SetCellValue(Header[i]);
        for (var r = 0; r < Records.Length; r++)
        {
            var row = sheet.CreateRow(4 + r);
            for (var c = 0; c < Records[r].Length; c++)
            {
                var cell = row.CreateCell(c);
                switch (Records[r][c])
                {
                    case string s: cell.SetCellValue(s); break;
                    case int n: cell.SetCellValue(n); break;
                    case DateTime d: cell.SetCellValue(d); cell.CellStyle = dateStyle; break;
                }
            }
        }
        var total = sheet.CreateRow(4 + Records.Length);
        total.CreateCell(0).SetCellValue("合计");
        total.CreateCell(5).SetCellFormula($"SUM(F5:F{4 + Records.Length})");
        // The signature line merged across the whole row, as forms often have it.
        var signature = sheet.CreateRow(6 + Records.Length);
        for (var c = 0; c < Header.Length; c++) signature.CreateCell(c).SetCellValue(c == 0 ? "填表人：李明    审核人：王芳" : "");
        sheet.AddMergedRegion(new CellRangeAddress(6 + Records.Length, 6 + Records.Length, 0, Header.Length - 1));
        // Formulas carry their cached values, as Excel saves them.
        workbook.GetCreationHelper().CreateFormulaEvaluator().EvaluateAll();
    }

    private static void Save(IWorkbook workbook, string path)
    {
        using var stream = File.Create(path);
        workbook.Write(stream);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("xls")]
    public void Workbook_WithTitleUnitLineTotalAndSignatures_LoadsLikeThePlainFile(string format)
    {
        using var w = TempWarehouse.WithLedgers(activities: false);
        IWorkbook workbook = format == "xls" ? new HSSFWorkbook() : new XSSFWorkbook();
        KeptSheet(workbook, "三月");
        Save(workbook, w.Inbox("活动台账." + format));

        var outcome = w.Ingest().Single();

        Assert.Equal((FileStatus.Loaded, format, 3L, 3L, 0L), (outcome.Status, outcome.Format, outcome.RowsRead, outcome.RowsLoaded, outcome.RowsQuarantined));
        Assert.Equal(Expected, Facts(w));
        // Spreadsheet numbering is kept: the records are rows 5–7 as the organiser sees them.
        Assert.Equal([5L, 6L, 7L], w.Connection.Query("select _row_no from raw.activities order by 1", r => r.GetInt64(0)));
        // Nothing unaccounted for: the title, the unit line, the total and the signatures are recorded as skipped.
        Assert.Equal(["1|above_header", "2|above_header", "8|footer", "10|footer"],
            w.Strings("select row_no || '|' || kind from ops.skipped_rows order by row_no"));
        Assert.Equal("三月", outcome.SheetName);
    }

    [Fact]
    public void Csv_WithTitleRowAndTotal_LoadsLikeThePlainFile()
    {
        using var w = TempWarehouse.WithLedgers(activities: false);
        var text = new StringBuilder();
        text.Append("陶瓷美术学院党总支活动台账（2026年3月）,,,,,\n");
        text.Append(string.Join(",", Header)).Append('\n');
        text.Append("A001,B01,2026-03-05,主题党日,三月主题党日,12\nA002,B02,2026-03-06,党课,专题党课,8\nA003,C01,2026-03-07,志愿服务,社区志愿服务,30\n");
        text.Append("合计,,,,,50\n");
        w.WriteInbox("活动台账.csv", text.ToString(), Encoding.UTF8);

        var outcome = w.Ingest().Single();

        Assert.Equal((FileStatus.Loaded, 3L, 3L, 0L), (outcome.Status, outcome.RowsRead, outcome.RowsLoaded, outcome.RowsQuarantined));
        Assert.Equal(Expected, Facts(w));
        Assert.Equal([3L, 4L, 5L], w.Connection.Query("select _row_no from raw.activities order by 1", r => r.GetInt64(0)));
        Assert.Equal(["1|above_header", "6|footer"], w.Strings("select row_no || '|' || kind from ops.skipped_rows order by row_no"));
    }

    [Fact]
    public void Workbook_WithSeveralLedgerSheetsAndAnInstructionsSheet_LoadsEachSheetInDependencyOrder()
    {
        using var w = TempWarehouse.WithLedgers(activities: false);
        var workbook = new XSSFWorkbook();
        // Attendance first in the workbook: it still loads after the activities it refers to.
        var attendance = workbook.CreateSheet("签到表");
        string[][] attendanceRows = [["活动编号", "党员编号", "出勤状态"], ["A001", "M001", "出席"], ["A002", "M003", "请假"]];
        for (var r = 0; r < attendanceRows.Length; r++)
            for (var c = 0; c < 3; c++) (attendance.GetRow(r) ?? attendance.CreateRow(r)).CreateCell(c).SetCellValue(attendanceRows[r][c]);
        KeptSheet(workbook, "活动");
        var notes = workbook.CreateSheet("填写说明");
        notes.CreateRow(0).CreateCell(0).SetCellValue("每月5日前报送上月台账。");
        Save(workbook, w.Inbox("三月台账.xlsx"));

        var outcomes = w.Ingest();

        Assert.Equal(["activities|活动|3", "attendance|签到表|2"], outcomes.Select(o => $"{o.Kind}|{o.SheetName}|{o.RowsLoaded}").ToList());
        Assert.Contains("填写说明", outcomes[0].Message);
        Assert.Equal(Expected, Facts(w));
        Assert.Equal(2, w.Scalar<long>("select count(*) from core.attendance"));
        Assert.Equal(["活动", "签到表"], w.Strings("select sheet_name from ops.ingested_files where kind in ('activities', 'attendance') order by file_id"));
        // One file, archived once after its last sheet.
        Assert.Equal(["m.csv", "o.csv", "三月台账.xlsx", "三月台账.问题清单.csv", "三月台账.问题清单.xlsx"],
            Directory.GetFiles(w.Options.ArchiveDir, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Header_OverTwoRowsWithAMergedGroupTitle_IsRead()
    {
        using var w = TempWarehouse.WithLedgers(activities: false);
        var workbook = new XSSFWorkbook();
        var sheet = workbook.CreateSheet("活动");
        var upper = sheet.CreateRow(0);
        var lower = sheet.CreateRow(1);
        // 活动编号 … 活动类型 merged down over both rows; 参与情况 merged across 参与人数 and 校外受众人数.
        string[] top = ["活动编号", "组织编号", "活动日期", "活动类型", "参与情况", ""];
        string[] bottom = ["", "", "", "", "参与人数", "校外受众人数"];
        for (var c = 0; c < top.Length; c++)
        {
            upper.CreateCell(c).SetCellValue(top[c]);
            lower.CreateCell(c).SetCellValue(bottom[c]);
            if (c < 4) sheet.AddMergedRegion(new CellRangeAddress(0, 1, c, c));
        }
        sheet.AddMergedRegion(new CellRangeAddress(0, 0, 4, 5));
        var record = sheet.CreateRow(2);
        object[] values = ["A001", "B01", "2026-03-05", "主题党日", 12, 40];
        for (var c = 0; c < values.Length; c++)
            if (values[c] is string s) record.CreateCell(c).SetCellValue(s); else record.CreateCell(c).SetCellValue((int)values[c]);
        Save(workbook, w.Inbox("活动.xlsx"));

        var outcome = w.Ingest().Single();

        Assert.Equal((FileStatus.Loaded, 1L), (outcome.Status, outcome.RowsLoaded));
        Assert.Equal("A001|12|40|3", w.Strings("select activity_id || '|' || participants || '|' || external_audience || '|' || _row_no from raw.activities").Single());
    }

    [Fact]
    public void ExampleRowLeftInATemplate_IsSkippedNotLoaded()
    {
        using var w = TempWarehouse.WithLedgers(activities: false);
        w.WriteInbox("a.csv", string.Join(",", Header) + "\n【示例】A2026001,B01,2026-03-05,主题党日,示例活动,10\nA001,B01,2026-03-05,主题党日,三月主题党日,12\n");

        var outcome = w.Ingest().Single();

        Assert.Equal((1L, 1L, 0L), (outcome.RowsRead, outcome.RowsLoaded, outcome.RowsQuarantined));
        Assert.Equal(["2|example"], w.Strings("select row_no || '|' || kind from ops.skipped_rows"));
    }
}
