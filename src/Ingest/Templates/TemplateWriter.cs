using Analytics.Ingest.Catalogues;
using Analytics.Ingest.Contracts;
using Analytics.Ingest.Reading;
using Analytics.Ingest.Spreadsheets;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Ingest.Templates;

/// <summary>
/// The 导入模板 organisers start from: one XLSX per ledger kind, its sheet named for the ledger with the Chinese
/// headers, an example row (skipped by ingest if left in place), date columns formatted as dates and id columns as
/// text, drop-down lists for every closed value set and catalogue and, where a warehouse exists, for the units that
/// exist; a 填写说明 sheet (each column: meaning, required or not, format, example) and a 可选值 sheet with the lists.
/// </summary>
public sealed class TemplateWriter(Catalogue catalogue)
{
    public const string InstructionsSheet = "填写说明";
    public const string OptionsSheet = "可选值";
    private const string ExamplePrefix = "【示例】";

    /// <summary>How unit types read in Chinese (the value set's keys are the warehouse's English codes).</summary>
    private static readonly Dictionary<string, string> UnitTypeNames = new() { ["college"] = "党总支", ["branch"] = "党支部" };

    /// <summary>Writes the seven templates into a folder; returns their paths.</summary>
    /// <param name="units">The units that exist (empty where there is no warehouse yet); for a college, its own.</param>
    /// <param name="prefill">Units to pre-fill in the 组织架构 template (a college's), or none.</param>
    public IReadOnlyList<string> Write(string folder, IReadOnlyList<TemplateUnit> units, IReadOnlyList<TemplateUnit> prefill)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        foreach (var contract in LedgerContracts.All)
        {
            var path = Path.Combine(folder, $"{contract.ChineseName}模板.xlsx");
            XlsxWriter.Write(path, Sheets(contract, units, contract.Kind == LedgerKind.OrgUnits ? prefill : []));
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>The units of the warehouse (or of one college: the college and its branches), undissolved.</summary>
    public static IReadOnlyList<TemplateUnit> Units(DuckDBConnection connection, string? collegeId)
    {
        var units = connection.Query("""
            select unit_id, unit_name, unit_type, parent_id, category, established_on, party_groups
            from core.org_units
            where dissolved_on is null and (? is null or unit_id = ? or parent_id = ?)
            order by case unit_type when 'college' then 0 else 1 end, unit_id
            """, r => new TemplateUnit(r.GetString(0), r.GetString(1), r.GetString(2), r.GetStringOrNull(3), r.GetStringOrNull(4),
                r.IsDBNull(5) ? null : DateOnly.FromDateTime(r.GetDateTime(5)), r.IsDBNull(6) ? null : r.GetInt32(6)),
            collegeId, collegeId, collegeId);
        if (collegeId is not null && !units.Any(u => u.UnitId == collegeId && u.UnitType == "college"))
            throw new ArgumentException($"--college {collegeId}: no college with that unit id in the warehouse (core.org_units).");
        return units;
    }

    /// <summary>One drop-down: its column on the options sheet, its header there, its values and a second column (names) beside them.</summary>
    private sealed record OptionList(string Header, IReadOnlyList<string> Values, string? SecondHeader = null, IReadOnlyList<string>? Second = null);

    private IReadOnlyList<XlsxSheet> Sheets(LedgerContract contract, IReadOnlyList<TemplateUnit> units, IReadOnlyList<TemplateUnit> prefill)
    {
        var options = new List<OptionList>();
        var lists = new List<XlsxListValidation>();
        var dates = new List<XlsxDateValidation>();
        for (var i = 0; i < contract.Columns.Count; i++)
        {
            var column = contract.Columns[i];
            if (column.Type == ColumnType.Date)
                dates.Add(new XlsxDateValidation(i, column.ChineseName, Prompt(column)));
            if (Options(contract, column, units) is not { } list) continue;
            var optionColumn = options.Sum(o => o.Second is null ? 1 : 2);
            options.Add(list);
            var letter = XlsxWriter.ColumnName(optionColumn);
            // Activity types may be combined (支部党员大会、主题党日) and units may be new: those lists warn, the others refuse.
            var strict = column.Type is ColumnType.Choice;
            lists.Add(new XlsxListValidation(i, $"'{OptionsSheet}'!${letter}$2:${letter}${list.Values.Count + 1}", column.ChineseName, Prompt(column), strict));
        }

        var header = contract.Columns.Select(c => (object?)c.ChineseName).ToArray();
        var rows = new List<object?[]> { header };
        var noteRows = new HashSet<int>();
        if (prefill.Count > 0)
            rows.AddRange(prefill.Select(u => new object?[]
            {
                u.UnitId, u.UnitName, UnitTypeNames.GetValueOrDefault(u.UnitType, u.UnitType), u.ParentId, u.Category, u.EstablishedOn, null,
                u.PartyGroups is { } g ? g : null,
            }));
        else
        {
            rows.Add(Example(contract, units));
            noteRows.Add(2);
        }
        // Wide enough for the header and the example (or pre-filled values): a CJK character takes two widths.
        var columns = contract.Columns.Select((c, i) => new XlsxColumn(
            Math.Clamp(rows.Max(r => DisplayWidth(i < r.Length ? r[i] : null)) + 2, 10, 40), StyleOf(c.Type))).ToList();
        var data = new XlsxSheet(contract.ChineseName, columns, rows)
        {
            FrozenRows = 1, Lists = lists, Dates = dates, NoteRows = noteRows, ValidatedRows = 5000,
        };
        return [data, Instructions(contract), OptionsSheetOf(options)];
    }

    private static double DisplayWidth(object? value) => value switch
    {
        null => 0,
        DateOnly => 10,
        string text => text.Sum(ch => ch > 0x2E80 ? 2.1 : 1.1),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!.Length * 1.1,
    };

    /// <summary>A closed value set as organisers write it (unit types in Chinese; the others are Chinese already).</summary>
    private static List<string> ChoiceValues(ColumnSpec column) =>
        ValueSets.All[column.ValueSet!].Keys.Select(k => UnitTypeNames.GetValueOrDefault(k, k)).ToList();

    private static XlsxColumnStyle StyleOf(ColumnType type) => type switch
    {
        ColumnType.Date => XlsxColumnStyle.Date,
        ColumnType.Count or ColumnType.Decimal or ColumnType.Year => XlsxColumnStyle.Number,
        _ => XlsxColumnStyle.Text,
    };

    private OptionList? Options(LedgerContract contract, ColumnSpec column, IReadOnlyList<TemplateUnit> units)
    {
        switch (column.Type)
        {
            case ColumnType.Choice:
                return new OptionList($"{column.ChineseName}（可选值）", ChoiceValues(column));
            case ColumnType.ActivityTypes:
                return new OptionList("活动类型（可选值）", catalogue.ActivityTypes.Select(t => t.Name).ToList(),
                    "类别", catalogue.ActivityTypes.Select(t => t.Group).ToList());
            case ColumnType.PledgeItem:
                return new OptionList("承诺事项（可选值）", catalogue.PledgeItems.Select(p => p.Code).ToList(),
                    "事项内容", catalogue.PledgeItems.Select(p => $"{p.Programme}：{p.Text}").ToList());
            case ColumnType.Id when column.References?.Target == LedgerKind.OrgUnits || (contract.Kind == LedgerKind.OrgUnits && column.Name == "parent_id"):
                var wanted = column.References?.RequiredUnitType ?? (column.Name == "parent_id" ? "college" : null);
                var offered = units.Where(u => wanted is null || u.UnitType == wanted).ToList();
                return offered.Count == 0 ? null
                    : new OptionList($"{column.ChineseName}（可选值）", offered.Select(u => u.UnitId).ToList(), "组织名称", offered.Select(u => u.UnitName).ToList());
            default:
                return null;
        }
    }

    /// <summary>The prompt a cell shows when chosen: required or not, the format, an example.</summary>
    private static string Prompt(ColumnSpec column) =>
        (column.Required ? "必填。" : "选填。") + Format(column);

    private static string Format(ColumnSpec column) => column.Type switch
    {
        ColumnType.Id => column.References is null ? "编号：字母、数字和 _ . -，不超过64个字符。" : "填写已有的编号，可从下拉列表选择。",
        ColumnType.Text => "文字，不超过4000字。",
        ColumnType.Date => "日期：2026-03-05、2026/3/5 或 2026年3月5日。",
        ColumnType.Count => "0 或正整数，只填数字。",
        ColumnType.Decimal => "数字，可带小数，如 1.5。",
        ColumnType.Year => "四位数年份，如 2026。",
        ColumnType.Choice => "从下拉列表中选择：" + string.Join("、", ChoiceValues(column)) + "。",
        ColumnType.ActivityTypes => "从下拉列表中选择；一次活动算几类时用“、”分隔，如 支部党员大会、主题党日。",
        ColumnType.PledgeItem => "事项编号（七一工程 T1–T7，八一工程 S1–S7）或事项原文。",
        _ => "",
    };

    private static readonly Dictionary<string, string> Meanings = new()
    {
        ["org_units.unit_id"] = "组织的编号，全校唯一", ["org_units.unit_name"] = "组织全称", ["org_units.unit_type"] = "党总支（二级学院）或党支部",
        ["org_units.parent_id"] = "党支部所属党总支的编号；党总支留空", ["org_units.category"] = "党支部的类别（党总支留空）",
        ["org_units.established_on"] = "成立日期", ["org_units.dissolved_on"] = "撤销日期；未撤销的留空", ["org_units.party_groups"] = "党小组个数",
        ["members.member_id"] = "党员编号，全校唯一", ["members.name"] = "姓名", ["members.member_type"] = "教工或学生",
        ["members.branch_id"] = "所在党支部的编号", ["members.valid_from"] = "转入本支部的日期", ["members.valid_to"] = "转出本支部的日期（毕业、调动）；仍在本支部的留空",
        ["members.status"] = "正式党员或预备党员", ["members.gender"] = "男或女", ["members.joined_party_on"] = "入党日期",
        ["activities.activity_id"] = "活动编号，全校唯一，如 A2026031", ["activities.unit_id"] = "举办活动的党支部或党总支的编号", ["activities.held_on"] = "活动日期",
        ["activities.activity_type"] = "活动类型（三会一课、主题党日、志愿服务等）", ["activities.title"] = "活动名称", ["activities.brand_project"] = "所属“一院一品”品牌项目",
        ["activities.participants"] = "参与人数；留空时按签到表中的出席人数计", ["activities.external_audience"] = "校外受众人数", ["activities.partner"] = "合作单位",
        ["activities.hours"] = "活动时长（小时）",
        ["attendance.activity_id"] = "活动编号（与活动台账一致）", ["attendance.member_id"] = "党员编号（与党员名册一致）", ["attendance.status"] = "出席、请假或缺席",
        ["pledges.member_id"] = "作出承诺的党员编号", ["pledges.programme"] = "教工党员：七一工程；学生党员：八一工程", ["pledges.year"] = "承诺年度",
        ["pledges.item"] = "承诺事项", ["pledges.pledged_on"] = "承诺日期", ["pledges.completed_on"] = "完成日期；未完成的留空", ["pledges.evidence"] = "佐证材料（名称或链接）",
        ["pledges.review"] = "党支部的审核状态",
        ["publicity.item_id"] = "稿件编号，全校唯一", ["publicity.unit_id"] = "供稿组织的编号", ["publicity.published_on"] = "发布日期", ["publicity.channel"] = "发布渠道",
        ["publicity.title"] = "标题", ["publicity.url"] = "链接", ["publicity.reads"] = "阅读量", ["publicity.likes"] = "点赞数",
        ["evaluations.unit_id"] = "被评议组织的编号", ["evaluations.year"] = "评议年度", ["evaluations.grade"] = "述职评议等次",
    };

    private object?[] Example(LedgerContract contract, IReadOnlyList<TemplateUnit> units)
    {
        var branch = units.FirstOrDefault(u => u.UnitType == "branch")?.UnitId ?? "C01B01";
        var college = units.FirstOrDefault(u => u.UnitType == "college")?.UnitId ?? "C01";
        var example = new Dictionary<string, object?>
        {
            ["org_units.unit_id"] = "C01B03", ["org_units.unit_name"] = "陶瓷美术学院学生第二党支部", ["org_units.unit_type"] = "党支部",
            ["org_units.parent_id"] = college, ["org_units.category"] = "学生", ["org_units.established_on"] = new DateOnly(2025, 9, 1), ["org_units.party_groups"] = 2,
            ["members.member_id"] = "M2025001", ["members.name"] = "张三", ["members.member_type"] = "学生", ["members.branch_id"] = branch,
            ["members.valid_from"] = new DateOnly(2025, 9, 1), ["members.status"] = "预备党员", ["members.gender"] = "女", ["members.joined_party_on"] = new DateOnly(2025, 6, 20),
            ["activities.activity_id"] = "A2026031", ["activities.unit_id"] = branch, ["activities.held_on"] = new DateOnly(2026, 3, 5),
            ["activities.activity_type"] = "支部党员大会、主题党日", ["activities.title"] = "学习贯彻全会精神主题党日", ["activities.participants"] = 24,
            ["activities.hours"] = 2,
            ["attendance.activity_id"] = "A2026031", ["attendance.member_id"] = "M2025001", ["attendance.status"] = "出席",
            ["pledges.member_id"] = "M2025001", ["pledges.programme"] = "八一工程", ["pledges.year"] = 2026, ["pledges.item"] = "S1",
            ["pledges.pledged_on"] = new DateOnly(2026, 3, 10), ["pledges.review"] = "待审核",
            ["publicity.item_id"] = "P2026012", ["publicity.unit_id"] = branch, ["publicity.published_on"] = new DateOnly(2026, 3, 8),
            ["publicity.channel"] = "微信公众号", ["publicity.title"] = "我院开展三月主题党日", ["publicity.reads"] = 860, ["publicity.likes"] = 52,
            ["evaluations.unit_id"] = branch, ["evaluations.year"] = 2025, ["evaluations.grade"] = "好",
        };
        var row = contract.Columns.Select(c => example.GetValueOrDefault($"{contract.Name}.{c.Name}")).ToArray();
        row[0] = ExamplePrefix + Convert.ToString(row[0], System.Globalization.CultureInfo.InvariantCulture);
        return row;
    }

    private static XlsxSheet Instructions(LedgerContract contract)
    {
        var rows = new List<object?[]> { new object?[] { "列名", "是否必填", "含义", "填写格式", "示例" } };
        foreach (var column in contract.Columns)
            rows.Add([column.ChineseName, column.Required ? "必填" : "选填", Meanings.GetValueOrDefault($"{contract.Name}.{column.Name}", ""),
                Format(column), ExampleText(contract, column)]);
        rows.Add([]);
        foreach (var note in new[]
                 {
                     $"在“{contract.ChineseName}”工作表中从第3行起逐行填写，每行一条记录；第2行是示例（以{ExamplePrefix}开头），可以保留，导入时自动跳过。",
                     "表头请不要修改；表头上方可以加标题或“填表单位、填表日期”，表格下方可以加“合计”和“填表人、审核人”，导入时会自动识别并跳过。",
                     "一个工作簿可以包含多个台账工作表（如活动台账和签到表），每个工作表按其表头识别。",
                     "日期写成 2026-03-05、2026/3/5 或 2026年3月5日 均可；编号列按文本保存，开头的 0 不会丢失。",
                     "报送后，每个有问题的文件旁会生成“问题清单”，逐行列出问题和修改建议；只需把改正后的行重新报送，已导入的行无需重复报送。",
                     "活动台账和签到表请于每月5日前报送上月的数据。",
                 })
            rows.Add([note]);
        return new XlsxSheet(InstructionsSheet,
            [new(16, XlsxColumnStyle.Text), new(10, XlsxColumnStyle.Text), new(36, XlsxColumnStyle.Wrapped), new(44, XlsxColumnStyle.Wrapped), new(24, XlsxColumnStyle.Text)],
            rows) { FrozenRows = 1 };
    }

    private static string ExampleText(LedgerContract contract, ColumnSpec column) => column.Type switch
    {
        ColumnType.Date => "2026-03-05",
        ColumnType.Count => "24",
        ColumnType.Decimal => "1.5",
        ColumnType.Year => "2026",
        ColumnType.Choice => ChoiceValues(column)[0],
        ColumnType.ActivityTypes => "主题党日",
        ColumnType.PledgeItem => contract.Kind == LedgerKind.Pledges ? "T1 或 S1" : "",
        ColumnType.Id => column.References?.Target switch
        {
            LedgerKind.OrgUnits => "C01B01",
            LedgerKind.Members => "M2025001",
            LedgerKind.Activities => "A2026031",
            _ => contract.Kind switch { LedgerKind.OrgUnits => "C01B01", LedgerKind.Members => "M2025001", LedgerKind.Activities => "A2026031", _ => "P2026012" },
        },
        _ => "",
    };

    private static XlsxSheet OptionsSheetOf(IReadOnlyList<OptionList> options)
    {
        var header = new List<object?>();
        var columns = new List<XlsxColumn>();
        foreach (var list in options)
        {
            header.Add(list.Header);
            columns.Add(new XlsxColumn(Math.Max(14, list.Header.Length * 2.2), XlsxColumnStyle.Text));
            if (list.Second is null) continue;
            header.Add(list.SecondHeader);
            columns.Add(new XlsxColumn(30, XlsxColumnStyle.Text));
        }
        var rows = new List<object?[]> { header.ToArray() };
        var depth = options.Count == 0 ? 0 : options.Max(o => o.Values.Count);
        for (var r = 0; r < depth; r++)
        {
            var row = new List<object?>();
            foreach (var list in options)
            {
                row.Add(r < list.Values.Count ? list.Values[r] : null);
                if (list.Second is not null) row.Add(r < list.Second.Count ? list.Second[r] : null);
            }
            rows.Add(row.ToArray());
        }
        if (options.Count == 0) rows = [new object?[] { "本台账没有固定的可选值。" }];
        return new XlsxSheet(OptionsSheet, columns, rows) { FrozenRows = 1 };
    }
}
