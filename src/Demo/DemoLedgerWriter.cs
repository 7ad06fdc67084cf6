using System.Globalization;
using System.Text;
using W = Analytics.Demo.DemoFileWriters;

namespace Analytics.Demo;

/// <summary>
/// Writes the demo university's ledgers into an inbox the way offices really send them: CSV in UTF-8, UTF-8 with BOM
/// and GB18030; XLSX with Chinese headers; JSON; dates in four spellings and as Excel serial numbers; full-width
/// digits; stray spaces; and a few planted bad rows of every kind DESIGN.md lists. Returns what each file holds.
/// </summary>
public sealed class DemoLedgerWriter(DemoUniversity u, string inbox)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private int Year1 => u.FirstDay.Year;
    private int Year2 => u.LastDay.Year;
    private DateOnly Year2Start => new(Year2, 1, 1);

    public IReadOnlyList<LedgerFileSpec> WriteAll()
    {
        Directory.CreateDirectory(inbox);
        // Files arrive over time: the first year's exports early in the second year, the rest on the export day.
        var early = new DateTimeOffset(Year2, 1, 5, 2, 0, 0, TimeSpan.Zero);
        var late = new DateTimeOffset(u.LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return
        [
            Arrived(OrgUnits(), early), Arrived(MembersFirstYear(), early), Arrived(MembersChanges(), late),
            Arrived(ActivitiesFirstYear(), early), Arrived(ActivitiesSecondYear(), late),
            Arrived(AttendanceFirstYear(), early), Arrived(AttendanceSecondYear(), late),
            Arrived(Pledges(), late), Arrived(Publicity(), late), Arrived(Evaluations(), early), Arrived(UnreadableNotes(), late),
        ];
    }

    private LedgerFileSpec Arrived(LedgerFileSpec spec, DateTimeOffset at)
    {
        File.SetLastWriteTimeUtc(Path(spec.FileName), at.UtcDateTime);
        return spec;
    }

    // ---- spellings ----

    /// <summary>The i-th row's date in one of the spellings ledgers use, in turn.</summary>
    private static string DateText(DateOnly d, int i, bool allowSerial = true) => (i % 4) switch
    {
        0 => d.ToString("yyyy-MM-dd", Inv),
        1 => d.ToString("yyyy/M/d", Inv),
        2 => d.ToString("yyyy年M月d日", Inv),
        _ => allowSerial ? Serial(d).ToString(Inv) : d.ToString("yyyy-MM-dd", Inv),
    };

    private static int Serial(DateOnly d) => d.DayNumber - new DateOnly(1899, 12, 30).DayNumber;

    private static string FullWidth(string digits) => new(digits.Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '０') : c).ToArray());

    /// <summary>Now and then a stray (sometimes full-width) space around a value, as hand-kept sheets have.</summary>
    private static string Stray(string value, int i) => (i % 11) switch { 3 => " " + value, 7 => value + "　", _ => value };

    private static string Types(IReadOnlyList<string> types, int i) => string.Join((i % 3) switch { 0 => "、", 1 => "；", _ => "/" }, types);

    private string Path(string name) => System.IO.Path.Combine(inbox, name);

    private static Dictionary<string, int> Bad(params (string Code, int Count)[] items) => items.ToDictionary(i => i.Code, i => i.Count);

    // ---- the files ----

    private LedgerFileSpec OrgUnits()
    {
        const string name = "组织机构.xlsx";
        string[] header = ["组织编号", "组织名称", "组织类型", "上级组织编号", "支部类别", "成立日期", "党小组数"];
        var rows = u.Units.Select((x, i) => (IReadOnlyList<object?>)
        [
            x.Id, x.Name, x.Type, x.ParentId, x.Category,
            // Dates as real date cells, and now and then as the bare serial number Excel shows when a format is lost.
            i % 5 == 0 ? Serial(x.EstablishedOn) : x.EstablishedOn.ToDateTime(TimeOnly.MinValue),
            x.PartyGroups,
        ]).ToList();
        rows.Add(["B9901", "临时党支部", "党支部", "C99", "学生", new DateTime(2020, 9, 1), 0]);
        W.Xlsx(Path(name), header, rows);
        return new(name, "org_units", "xlsx", "-", rows.Count, Bad(("unknown_unit", 1)), 0);
    }

    private static IReadOnlyList<string?> MemberRow(DemoMembership m, int i, DateOnly? validTo) =>
    [
        Stray(m.MemberId, i), m.Name, m.MemberType, m.BranchId, DateText(m.ValidFrom, i + 2, false),
        validTo is { } to ? DateText(to, i, false) : null, m.Status, m.Gender, DateText(m.JoinedPartyOn, i + 1, false),
    ];

    private LedgerFileSpec MembersFirstYear()
    {
        var name = $"党员名册_{Year1}.csv";
        string[] header = ["党员编号", "姓名", "人员类别", "所在支部编号", "转入日期", "转出日期", "党员状态", "性别", "入党日期"];
        // As exported at the end of the first year: a period that ends later is still open here.
        var rows = u.Memberships.Where(m => m.ValidFrom < Year2Start)
            .Select((m, i) => MemberRow(m, i, m.ValidTo is { } to && to < Year2Start ? to : null)).ToList();
        rows.Add(["JDZ90001", "", "学生", "B0103", $"{Year1}-09-01", null, "正式党员", "男", $"{Year1 - 1}-05-04"]);
        rows.Add(["JDZ90002", "赵明", "学生", "B9999", $"{Year1}-09-01", null, "正式党员", "男", $"{Year1 - 1}-05-04"]);
        rows.Add(["JDZ90003", "钱红", "教工", "B0101", $"{Year1}-02-30", null, "正式党员", "女", "2010-07-01"]);
        rows.Add(["JDZ90004", "孙亮", "教工", "B0101", $"{Year1}-09-01", $"{Year1}-03-01", "正式党员", "男", "2012-07-01"]);
        rows.Add(rows[5]);
        rows.Add(rows[17]);
        W.Csv(Path(name), header, rows, W.Gb18030, bom: false);
        return new(name, "members", "csv", "gb18030", rows.Count,
            Bad(("missing_required", 1), ("unknown_unit", 1), ("bad_date", 1), ("bad_period", 1)), 2);
    }

    private LedgerFileSpec MembersChanges()
    {
        var name = $"members_{Year2}_changes.json";
        string[] header = ["member_id", "name", "member_type", "branch_id", "valid_from", "valid_to", "status", "gender", "joined_party_on"];
        // New periods of the second year, and older periods that ended in it (the same key again: an update).
        var rows = u.Memberships.Where(m => m.ValidFrom >= Year2Start || m.ValidTo is { } to && to >= Year2Start)
            .Select((m, i) => (IReadOnlyList<object?>)MemberRow(m, i, m.ValidTo).ToList()).ToList();
        rows.Add(["JDZ90005", "周研", "研究生", "B0103", $"{Year2}-03-01", null, "预备党员", "女", $"{Year2}-01-10"]);
        W.Json(Path(name), header, rows);
        return new(name, "members", "json", "utf-8", rows.Count, Bad(("unknown_value", 1)), 0);
    }

    private List<object?> ActivityRow(DemoActivity a, int i, bool forCsv)
    {
        object? held = forCsv ? DateText(a.HeldOn, i) : (i % 6) switch
        {
            0 => Serial(a.HeldOn),
            1 => a.HeldOn.ToString("yyyy/M/d", Inv),
            _ => a.HeldOn.ToDateTime(TimeOnly.MinValue),
        };
        object? participants = a.Participants is not { } p ? null : forCsv && i % 7 == 3 ? FullWidth(p.ToString(Inv)) : forCsv ? p.ToString(Inv) : p;
        object? external = a.ExternalAudience is not { } e ? null : forCsv ? e.ToString(Inv) : e;
        return [Stray(a.Id, i), a.UnitId, held, Types(a.Types, i), a.Title, a.BrandProject, participants, external, a.Partner, forCsv ? a.Hours.ToString(Inv) : (double)a.Hours];
    }

    private static readonly string[] ActivityHeader = ["活动编号", "组织编号", "活动日期", "活动类型", "活动名称", "品牌项目", "参与人数", "校外受众人数", "合作单位", "时长"];

    private LedgerFileSpec ActivitiesFirstYear()
    {
        var name = $"活动台账_{Year1}.csv";
        var rows = u.Activities.Where(a => a.HeldOn.Year == Year1).Select((a, i) => ActivityRow(a, i, true)).ToList();
        var d = $"{Year1}-05-20";
        rows.Add(["HDX0001", "B0101", d, "联欢会", "教工联欢会", null, "20", null, null, "2"]);
        rows.Add(["HDX0002", "B0101", $"{Year2 + 1}-01-15", "主题党日", "下一年的主题党日", null, "20", null, null, "2"]);
        rows.Add(["HDX0003", "B0102", d, "志愿服务", "社区志愿服务", null, "-5", "30", null, "3"]);
        rows.Add(["HDX0004", "C77", d, "党课", "专题党课", null, "12", null, null, "1.5"]);
        rows.Add(["HDX0005", "B0103", d, "红歌会", "唱支山歌给党听", null, "30", "0", null, "2"]);
        rows.Add(["HDX0005", "B0103", d, "红歌会", "唱支山歌给党听（更正）", null, "31", "0", null, "2"]);
        rows.Add(rows[10]);
        W.Csv(Path(name), ActivityHeader, rows.Select(r => (IReadOnlyList<string?>)r.Select(v => (string?)v).ToList()), new UTF8Encoding(false), bom: true);
        return new(name, "activities", "csv", "utf-8-bom", rows.Count,
            Bad(("unknown_activity_type", 1), ("future_date", 1), ("negative_count", 1), ("unknown_unit", 1), ("duplicate_key", 2)), 1);
    }

    private LedgerFileSpec ActivitiesSecondYear()
    {
        var name = $"activities_{Year2}.xlsx";
        var rows = u.Activities.Where(a => a.HeldOn.Year == Year2).Select((a, i) => (IReadOnlyList<object?>)ActivityRow(a, i, false)).ToList();
        rows.Add(["HDX0006", "B0201", null, "主题党日", "日期漏填的主题党日", null, 15, null, null, 2.0]);
        W.Xlsx(Path(name), ActivityHeader, rows);
        return new(name, "activities", "xlsx", "-", rows.Count, Bad(("missing_required", 1)), 0);
    }

    private HashSet<string> ActivityIds(int year) => u.Activities.Where(a => a.HeldOn.Year == year).Select(a => a.Id).ToHashSet();

    private LedgerFileSpec AttendanceFirstYear()
    {
        var name = $"attendance_{Year1}.csv";
        var ids = ActivityIds(Year1);
        var rows = u.Attendance.Where(a => ids.Contains(a.ActivityId))
            .Select(a => (IReadOnlyList<string?>)[a.ActivityId, a.MemberId, a.Status]).ToList();
        rows.Add([rows[0][0], "JDZ99999", "出席"]);
        rows.Add(["HD000000000", rows[0][1], "出席"]);
        rows.Add([rows[1][0], "JDZ00001", "迟到"]);
        rows.Add(rows[100]);
        rows.Add(rows[200]);
        rows.Add(rows[300]);
        W.Csv(Path(name), ["activity_id", "member_id", "status"], rows, new UTF8Encoding(false), bom: false);
        return new(name, "attendance", "csv", "utf-8", rows.Count,
            Bad(("unknown_member", 1), ("unknown_activity", 1), ("unknown_value", 1)), 3);
    }

    private LedgerFileSpec AttendanceSecondYear()
    {
        var name = $"考勤_{Year2}.csv";
        var ids = ActivityIds(Year2);
        var rows = u.Attendance.Where(a => ids.Contains(a.ActivityId))
            .Select((a, i) => (IReadOnlyList<string?>)[Stray(a.ActivityId, i), a.MemberId, a.Status]).ToList();
        rows.Add([rows[0][0], "", "出席"]);
        rows.Add(rows[50]);
        rows.Add(rows[60]);
        W.Csv(Path(name), ["活动编号", "党员编号", "出勤状态"], rows, W.Gb18030, bom: false);
        return new(name, "attendance", "csv", "gb18030", rows.Count, Bad(("missing_required", 1)), 2);
    }

    private static readonly Dictionary<string, string> ItemTexts = new()
    {
        ["T1"] = "带领学生做一个课题", ["T2"] = "带动学生做一个创业项目", ["T3"] = "指导一个学生自主创业", ["T4"] = "带领学生参加一次专业竞赛",
        ["T5"] = "开展一次谈心谈话", ["T6"] = "指导一次专业学习", ["T7"] = "开展一次对接帮扶",
        ["S1"] = "党员进教室传帮带宣讲", ["S2"] = "与发展对象、入党积极分子座谈交流会", ["S3"] = "暑期线上学习", ["S4"] = "创业分享会",
        ["S5"] = "党建带团建主题活动", ["S6"] = "暑期三下乡", ["S7"] = "“我为党旗做贡献”总结活动",
    };

    private LedgerFileSpec Pledges()
    {
        const string name = "七一八一承诺台账.json";
        string[] header = ["党员编号", "工程", "年度", "承诺事项", "承诺日期", "完成日期", "佐证材料", "审核状态"];
        var rows = u.Pledges.Select((p, i) => (IReadOnlyList<object?>)
        [
            p.MemberId, i % 5 == 0 ? p.Programme[..2] : p.Programme, i % 4 == 0 ? p.Year.ToString(Inv) : p.Year,
            i % 2 == 0 ? p.Item : ItemTexts[p.Item], DateText(p.PledgedOn, i, false),
            p.CompletedOn is { } c ? DateText(c, i + 1, false) : null, p.Evidence, p.Review,
        ]).ToList();
        var m = u.Pledges[0].MemberId;
        rows.Add([m, "七一工程", Year1, "T9", $"{Year1}-03-01", null, null, "待审核"]);
        rows.Add([m, "七一工程", Year1, "S1", $"{Year1}-03-01", null, null, "待审核"]);
        rows.Add(["JDZ99998", "八一工程", Year1, "S2", $"{Year1}-03-01", null, null, "待审核"]);
        rows.Add([m, "七一工程", Year2, "T7", $"{Year2}-05-01", $"{Year2}-04-01", "补录.pdf", "已审核"]);
        W.Json(Path(name), header, rows);
        return new(name, "pledges", "json", "utf-8", rows.Count,
            Bad(("unknown_pledge_item", 1), ("pledge_item_programme", 1), ("unknown_member", 1), ("bad_period", 1)), 0);
    }

    private LedgerFileSpec Publicity()
    {
        const string name = "宣传稿件.xlsx";
        string[] header = ["稿件编号", "组织编号", "发布日期", "渠道", "标题", "链接", "阅读量", "点赞数"];
        var rows = u.Publicity.Select(p => (IReadOnlyList<object?>)
            [p.ItemId, p.UnitId, p.PublishedOn.ToDateTime(TimeOnly.MinValue), p.Channel, p.Title, p.Url, p.Reads, p.Likes]).ToList();
        rows.Add(["XC-BAD-1", "C01", new DateTime(Year2, 3, 3), "抖音", "短视频", null, 100, 3]);
        rows.Add(["XC-BAD-2", "C02", new DateTime(Year2, 3, 3), "微信公众号", "推文", null, -20, 3]);
        W.Xlsx(Path(name), header, rows);
        return new(name, "publicity", "xlsx", "-", rows.Count, Bad(("unknown_value", 1), ("negative_count", 1)), 0);
    }

    private LedgerFileSpec Evaluations()
    {
        const string name = "evaluations.csv";
        var rows = u.Evaluations.Select(e => (IReadOnlyList<string?>)[e.UnitId, e.Year.ToString(Inv), e.Grade]).ToList();
        rows.Add(["B0101", (Year1 - 2).ToString(Inv), "很好"]);
        W.Csv(Path(name), ["unit_id", "year", "grade"], rows, new UTF8Encoding(false), bom: false);
        return new(name, "evaluations", "csv", "utf-8", rows.Count, Bad(("unknown_value", 1)), 0);
    }

    /// <summary>A sheet someone dropped in the inbox that is no ledger at all: it must be rejected with a reason.</summary>
    private LedgerFileSpec UnreadableNotes()
    {
        const string name = "会议签到说明.csv";
        W.Csv(Path(name), ["序号", "备注"], [["1", "签到表请以活动台账为准"]], new UTF8Encoding(false), bom: true);
        return new(name, "-", "csv", "utf-8-bom", 1, new Dictionary<string, int>(), 0, Rejected: true);
    }
}
