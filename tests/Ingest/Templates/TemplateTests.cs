using Analytics.Ingest.Contracts;
using Analytics.Ingest.Loading;
using Analytics.Ingest.Templates;
using Analytics.Tests.Support;
using Analytics.Warehouse;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Analytics.Tests.Ingest.Templates;

/// <summary>
/// The templates organisers start from, read back with the Open XML SDK as Excel reads them: Chinese headers, drop-down
/// lists, the instructions sheet; and a filled template ingests with nothing quarantined.
/// </summary>
public class TemplateTests
{
    private static IReadOnlyList<string> WriteTemplates(TempWarehouse w, string? college = null)
    {
        var units = TemplateWriter.Units(w.Connection, college);
        return new TemplateWriter(TempWarehouse.Catalogue).Write(Path.Combine(w.Root, "templates"), units, college is null ? [] : units);
    }

    private static string Text(Cell cell) =>
        cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";

    /// <summary>The sheet's rows as text, each cell at its column (empty cells are not written, so they are placed by reference).</summary>
    private static List<List<string>> Rows(WorksheetPart part) =>
        part.Worksheet.Descendants<Row>().Select(r =>
        {
            var cells = r.Elements<Cell>().ToList();
            var values = new List<string>();
            foreach (var cell in cells)
            {
                var index = ColumnIndex(cell.CellReference!.Value!);
                while (values.Count < index) values.Add("");
                values.Add(Text(cell));
            }
            return values;
        }).ToList();

    private static WorksheetPart Sheet(SpreadsheetDocument document, string name)
    {
        var sheet = document.WorkbookPart!.Workbook.Descendants<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!);
    }

    [Fact]
    public void EveryLedgerKind_HasATemplate_WithChineseHeadersDropDownListsAndInstructions_ValidForExcel()
    {
        using var w = TempWarehouse.WithLedgers(activities: false);

        var paths = WriteTemplates(w);

        Assert.Equal(LedgerContracts.All.Select(c => c.ChineseName + "模板.xlsx"), paths.Select(Path.GetFileName));
        foreach (var (contract, path) in LedgerContracts.All.Zip(paths))
        {
            using var document = SpreadsheetDocument.Open(path, false);
            // Excel's own schema: a file it would open without a repair prompt.
            Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document));
            Assert.Equal([contract.ChineseName, TemplateWriter.InstructionsSheet, TemplateWriter.OptionsSheet],
                document.WorkbookPart!.Workbook.Descendants<Sheet>().Select(s => s.Name!.Value!));
            var data = Sheet(document, contract.ChineseName);
            Assert.Equal(contract.Columns.Select(c => c.ChineseName), Rows(data)[0]);
            // No formula anywhere: values are text or numbers.
            Assert.Empty(document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()));
            var instructions = Rows(Sheet(document, TemplateWriter.InstructionsSheet));
            Assert.Equal(["列名", "是否必填", "含义", "填写格式", "示例"], instructions[0]);
            foreach (var column in contract.Columns)
                Assert.Contains(instructions, r => r[0] == column.ChineseName && r[1] == (column.Required ? "必填" : "选填") && r[3].Length > 0);

            // A drop-down list on every closed value set and catalogue column, and on unit references.
            var validations = data.Worksheet.Descendants<DataValidation>().Where(v => v.Type?.Value == DataValidationValues.List).ToList();
            var listed = validations.Select(v => contract.Columns[ColumnIndex(v.SequenceOfReferences!.InnerText)].Name).ToHashSet();
            foreach (var column in contract.Columns.Where(c => c.Type is ColumnType.Choice or ColumnType.ActivityTypes or ColumnType.PledgeItem
                         || c.References?.Target == LedgerKind.OrgUnits))
                Assert.Contains(column.Name, listed);
            // Date columns are formatted and checked as dates.
            Assert.Equal(contract.Columns.Count(c => c.Type == ColumnType.Date),
                data.Worksheet.Descendants<DataValidation>().Count(v => v.Type?.Value == DataValidationValues.Date));
        }
    }

    [Fact]
    public void ActivityTemplate_OffersTheCatalogueAndTheUnitsThatExist()
    {
        using var w = TempWarehouse.WithLedgers(activities: false);

        var path = WriteTemplates(w).Single(p => p.EndsWith("活动台账模板.xlsx", StringComparison.Ordinal));

        using var document = SpreadsheetDocument.Open(path, false);
        var options = Rows(Sheet(document, TemplateWriter.OptionsSheet));
        var header = options[0];
        List<string> Column(string name) => options.Skip(1).Select(r => r.ElementAtOrDefault(header.IndexOf(name)) ?? "").Where(v => v.Length > 0).ToList();
        Assert.Equal(TempWarehouse.Catalogue.ActivityTypes.Select(t => t.Name), Column("活动类型（可选值）"));
        Assert.Equal(["C01", "B01", "B02"], Column("组织编号（可选值）"));
        Assert.Contains("陶瓷美术学院教工党支部", Column("组织名称"));
        var unitList = Sheet(document, "活动台账").Worksheet.Descendants<DataValidation>().Single(v => v.SequenceOfReferences!.InnerText.StartsWith("B", StringComparison.Ordinal));
        Assert.Equal("'可选值'!$A$2:$A$4", unitList.Formula1!.Text); // the ids, with their names beside them in B
    }

    [Fact]
    public void FilledTemplates_IngestWithNothingQuarantined_AndTheExampleRowsAreNotLoaded()
    {
        using var w = TempWarehouse.WithLedgers(activities: false);
        var paths = WriteTemplates(w, college: "C01");
        var byKind = LedgerContracts.All.Zip(paths).ToDictionary(p => p.First.Kind, p => p.Second);

        // What a 组织委员 types under the example row, as the drop-down lists offer it.
        Fill(byKind[LedgerKind.Activities], [["A101", "B01", "2026/3/12", "支部党员大会、主题党日", "三月支部党员大会", "12", "", "", "", "1.5"]]);
        Fill(byKind[LedgerKind.Attendance], [["A101", "M001", "出席"], ["A101", "M003", "请假"]]);
        Fill(byKind[LedgerKind.Pledges], [["M003", "八一工程", "2026", "S1", "2026-03-10", "", "", "待审核"]]);
        Fill(byKind[LedgerKind.Publicity], [["P101", "C01", "2026年3月15日", "微信公众号", "主题党日报道", "", "300", "20"]]);
        Fill(byKind[LedgerKind.Evaluations], [["B01", "2025", "好"]]);
        foreach (var kind in new[] { LedgerKind.OrgUnits, LedgerKind.Activities, LedgerKind.Attendance, LedgerKind.Pledges, LedgerKind.Publicity, LedgerKind.Evaluations })
            File.Copy(byKind[kind], w.Inbox(Path.GetFileName(byKind[kind])));

        var outcomes = w.Ingest();

        Assert.All(outcomes, o => Assert.Equal((FileStatus.Loaded, 0L), (o.Status, o.RowsQuarantined)));
        Assert.Equal(0, w.Scalar<long>("select count(*) from ops.quarantine"));
        // The pre-filled org units load as they are (the college and its two branches), and nothing of the examples.
        Assert.Equal(3, outcomes.Single(o => o.Kind == "org_units").RowsLoaded);
        Assert.Equal(["A101|[主题党日, 支部党员大会]|2026-03-12"], w.Strings("select activity_id || '|' || cast(activity_types as varchar) || '|' || strftime(held_on, '%Y-%m-%d') from core.activities"));
        Assert.Equal(0, w.Scalar<long>("select count(*) from core.memberships where member_id = 'M2025001'"));
        // One example row in each template but the pre-filled 组织架构.
        Assert.Equal(5, w.Scalar<long>("select count(*) from ops.skipped_rows where kind = 'example'"));
        Assert.Equal(["activities|1", "attendance|2", "evaluations|1", "pledges|1", "publicity|1"],
            outcomes.Where(o => o.Kind != "org_units").Select(o => $"{o.Kind}|{o.RowsLoaded}").Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Types rows into a template's ledger sheet under its example row, as text cells (what a person types).</summary>
    private static void Fill(string path, string[][] rows)
    {
        using var document = SpreadsheetDocument.Open(path, true);
        var part = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Descendants<Sheet>().First().Id!);
        var data = part.Worksheet.GetFirstChild<SheetData>()!;
        var next = (uint)data.Elements<Row>().Count() + 1;
        foreach (var values in rows)
        {
            var row = new Row { RowIndex = next };
            for (var c = 0; c < values.Length; c++)
            {
                if (values[c].Length == 0) continue;
                row.Append(new Cell
                {
                    CellReference = $"{Analytics.Ingest.Spreadsheets.XlsxWriter.ColumnName(c)}{next}",
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(values[c])),
                });
            }
            data.Append(row);
            next++;
        }
        part.Worksheet.Save();
    }

    private static int ColumnIndex(string sqref) =>
        Analytics.Ingest.Reading.WorkbookReader.ColumnIndex(new string(sqref.TakeWhile(char.IsLetter).ToArray()));
}
