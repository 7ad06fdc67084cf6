using System.IO.Compression;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;

namespace Analytics.Tests.Support;

/// <summary>What must become of one hostile file: a plain rejection, or exact counts and quarantine reasons.</summary>
public sealed record HostileExpectation(bool Rejected, string? ReasonContains, long Read, long Loaded, long Quarantined, long Duplicates, string[] Reasons, string[] LoadedIds)
{
    public static HostileExpectation Rejection(string reasonContains) => new(true, reasonContains, 0, 0, 0, 0, [], []);
}

/// <summary>One generated file of the corpus; <see cref="LinkTo"/> makes it a symbolic link instead.</summary>
public sealed record HostileFile(string Name, string Family, byte[] Content, HostileExpectation Expect, string? LinkTo = null);

/// <summary>
/// Generates the hostile-input corpus (seeded, well over 200 files) against the small reference ledgers of
/// <see cref="Ledgers"/> (units C01, B01, B02; members M001–M003; activities A001–A003): wrong and mixed encodings,
/// truncated and corrupted workbooks, zip bombs, malformed CSV (quotes, newlines, NUL bytes, ragged rows, huge
/// fields), formula-injection cells, ids carrying SQL, unknown units and members, future dates, conflicting
/// duplicates, hostile JSON, and file names with dots, slashes-lookalikes, control and odd Unicode characters.
/// Every file's expected fate is written down beside it.
/// </summary>
public static class HostileCorpus
{
    private static readonly string[] ActivityHeader = ["活动编号", "组织编号", "活动日期", "活动类型", "活动名称", "参与人数"];
    private static readonly string[] AttendanceHeader = ["活动编号", "党员编号", "出勤状态"];
    private static readonly string[] PledgeHeader = ["党员编号", "工程", "年度", "承诺事项"];

    static HostileCorpus() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    private static Encoding Gbk => Encoding.GetEncoding("GB18030");

    public static List<HostileFile> Generate(int seed, string outsideDir)
    {
        var random = new Random(seed);
        var files = new List<HostileFile>();
        var n = 0;
        string Name(string family, string ext) => $"{++n:D3}-{family}.{ext}";
        string Id(string prefix) => $"{prefix}{n + 1:D3}x{random.Next(1000):D3}";

        // Row-level attacks, each written as UTF-8 CSV, GB18030 CSV, XLSX and JSON, with the bad rows first, in the
        // middle and last, among a seeded number of good rows.
        foreach (var (family, build, formats) in TableCases())
            foreach (var layout in new[] { 0, 1, 2 })
                foreach (var format in formats)
                {
                    var caseId = Id("H");
                    var (header, good, bad, expect) = build(caseId);
                    if (layout == 2 && header != ActivityHeader) continue; // one good row: "middle" and "last" are the same file
                    var rows = new List<string[]>();
                    var extra = random.Next(1, 4); // seeded number of further good rows
                    var goods = good.Concat(Enumerable.Range(0, extra).Select(i => GoodActivity(header, $"{caseId}g{i}"))).Where(r => r is not null).Cast<string[]>().ToList();
                    if (layout == 0) { rows.AddRange(bad); rows.AddRange(goods); }
                    else if (layout == 1) { rows.AddRange(goods.Take(1)); rows.AddRange(bad); rows.AddRange(goods.Skip(1)); }
                    else { rows.AddRange(goods); rows.AddRange(bad); }
                    var goodCount = goods.Count;
                    var e = expect with
                    {
                        Read = expect.Read + goodCount, Loaded = expect.Loaded + goodCount,
                        LoadedIds = [.. expect.LoadedIds, .. goods.Select(r => r[0])],
                    };
                    files.Add(new HostileFile(Name(family, format == "json" ? "json" : format == "xlsx" ? "xlsx" : "csv"), $"{family}/{format}",
                        Render(header, rows, format), e));
                }

        // Encodings that must load: UTF-8 (with and without BOM), GB18030, UTF-16 both ways (tab-separated, as
        // Excel's "Unicode text"), each with LF, CRLF and trailing blank lines.
        foreach (var (encoding, bytes) in new (string, Func<string, byte[]>)[]
                 {
                     ("utf8", t => Encoding.UTF8.GetBytes(t)), ("utf8bom", t => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(t)]),
                     ("gb18030", t => Gbk.GetBytes(t)), ("utf16le", t => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(t.Replace(',', '\t'))).ToArray()),
                     ("utf16be", t => Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(t.Replace(',', '\t'))).ToArray()),
                 })
            foreach (var (ending, trailer) in new[] { ("\n", ""), ("\r\n", ""), ("\n", "\n\n\n") })
            {
                var ids = new[] { Id("E"), Id("E") + "b", Id("E") + "c" };
                var text = string.Join(ending, new[] { string.Join(",", ActivityHeader) }.Concat(ids.Select(i => string.Join(",", GoodActivity(ActivityHeader, i)!)))) + ending + trailer;
                files.Add(new HostileFile(Name("encoding-" + encoding, "csv"), "encoding", bytes(text), Loaded(3, 3, 0, 0, [], ids)));
            }

        // Mixed encodings: GB18030 rows and UTF-8 rows in one file, in either order.
        for (var k = 0; k < 6; k++)
        {
            var gbkRows = Enumerable.Range(0, 3 + k).Select(i => string.Join(",", GoodActivity(ActivityHeader, $"{Id("X")}g{i}")!) + "\n");
            var utfRows = Enumerable.Range(0, 1 + k % 3).Select(i => string.Join(",", GoodActivity(ActivityHeader, $"{Id("X")}u{i}")!) + "\n");
            var head = Encoding.UTF8.GetBytes(string.Join(",", "activity_id", "unit_id", "held_on", "activity_type", "title", "participants") + "\n");
            var g = gbkRows.SelectMany(r => Gbk.GetBytes(r)).ToArray();
            var u = utfRows.SelectMany(r => Encoding.UTF8.GetBytes(r)).ToArray();
            files.Add(new HostileFile(Name("mixed-encoding", "csv"), "mixed-encoding", k % 2 == 0 ? [.. head, .. g, .. u] : [.. head, .. u, .. g],
                HostileExpectation.Rejection("mixes encodings")));
        }

        // Bytes no ledger encoding allows.
        foreach (var (family, bad) in new (string, byte[])[]
                 {
                     ("invalid-ff", [0xFF, 0xFF]), ("latin1", Encoding.Latin1.GetBytes("café")), ("surrogate-utf8", [0xED, 0xA0, 0x80]),
                 })
        {
            var head = Encoding.UTF8.GetBytes(string.Join(",", ActivityHeader) + "\n" + string.Join(",", GoodActivity(ActivityHeader, Id("Z"))!) + "\n");
            files.Add(new HostileFile(Name(family, "csv"), "bad-bytes", [.. head, .. Encoding.ASCII.GetBytes("Z9,B01,2026-03-05,主题党日,"), .. bad, 0x0A],
                HostileExpectation.Rejection("not valid in any encoding")));
        }
        // An overlong UTF-8 sequence happens to be valid GB18030, so the file is UTF-8 Chinese plus one GB18030 line.
        {
            var head = Encoding.UTF8.GetBytes(string.Join(",", ActivityHeader) + "\n");
            files.Add(new HostileFile(Name("overlong-utf8", "csv"), "bad-bytes", [.. head, .. Encoding.ASCII.GetBytes("Z9,B01,2026-03-05,"), 0xC0, 0xAF, 0x0A],
                HostileExpectation.Rejection("mixes encodings")));
        }
        files.Add(new HostileFile(Name("utf16-no-bom", "csv"), "bad-bytes", Encoding.Unicode.GetBytes(string.Join(",", ActivityHeader) + "\n"),
            HostileExpectation.Rejection("matches no ledger kind")));

        // NUL bytes: inside a title (kept as text), inside an id (not an identifier), a line of NULs, a file of NULs.
        {
            var a = Id("N");
            files.Add(Csv(Name("nul-in-title", "csv"), "nul", ActivityHeader, [[a, "B01", "2026-03-05", "主题党日", "标题\0后半", "5"]], Loaded(1, 1, 0, 0, [], [a])));
            var b = Id("N");
            files.Add(Csv(Name("nul-in-id", "csv"), "nul", ActivityHeader,
                [["N\0" + b, "B01", "2026-03-05", "主题党日", "x", "5"], GoodActivity(ActivityHeader, b)!], Loaded(2, 1, 1, 0, ["bad_id"], [b])));
            var c = Id("N");
            var lines = Encoding.UTF8.GetBytes(string.Join(",", ActivityHeader) + "\n" + string.Join(",", GoodActivity(ActivityHeader, c)!) + "\n");
            files.Add(new HostileFile(Name("nul-line", "csv"), "nul", [.. lines, .. new byte[40], 0x0A], Loaded(2, 1, 1, 0, ["malformed_row"], [c])));
            files.Add(new HostileFile(Name("all-nul", "csv"), "nul", new byte[4096], HostileExpectation.Rejection("matches no ledger kind")));
            files.Add(new HostileFile(Name("nul-before-header", "csv"), "nul", [0, 0, .. Encoding.UTF8.GetBytes(string.Join(",", ActivityHeader) + "\n")],
                HostileExpectation.Rejection("matches no ledger kind")));
        }

        // Quotes, newlines and ragged rows.
        {
            string H() => string.Join(",", ActivityHeader) + "\n";
            string G(string id) => string.Join(",", GoodActivity(ActivityHeader, id)!) + "\n";
            var i1 = Id("Q");
            files.Add(Text(Name("quoted-newline", "csv"), "csv-structure", H() + $"{i1},B01,2026-03-05,主题党日,\"第一行\n第二行\",5\n" + G(i1 + "b"), Loaded(2, 2, 0, 0, [], [i1, i1 + "b"])));
            var i2 = Id("Q");
            files.Add(Text(Name("escaped-quotes", "csv"), "csv-structure", H() + $"{i2},B01,2026-03-05,主题党日,\"他说\"\"好\"\"\",5\n", Loaded(1, 1, 0, 0, [], [i2])));
            var i3 = Id("Q");
            // A quote inside an unquoted field is text, as spreadsheets write it.
            files.Add(Text(Name("stray-quote", "csv"), "csv-structure", H() + G(i3) + $"{i3}b,B01,2026-03-05,主题党日,ab\"c,5\n" + G(i3 + "c"), Loaded(3, 3, 0, 0, [], [i3, i3 + "b", i3 + "c"])));
            var i4 = Id("Q");
            files.Add(Text(Name("unterminated-quote", "csv"), "csv-structure", H() + G(i4) + G(i4 + "b") + $"{i4}c,B01,2026-03-05,主题党日,\"never closed,5\n", Loaded(3, 2, 1, 0, ["malformed_row"], [i4, i4 + "b"])));
            var i5 = Id("Q");
            files.Add(Text(Name("too-many-fields", "csv"), "csv-structure", H() + G(i5) + $"{i5}b,B01,2026-03-05,主题党日,x,5,extra,more\n" + G(i5 + "c"), Loaded(3, 2, 1, 0, ["malformed_row"], [i5, i5 + "c"])));
            var i6 = Id("Q");
            files.Add(Text(Name("too-few-fields", "csv"), "csv-structure", H() + G(i6) + $"{i6}b,B01\n" + G(i6 + "c"), Loaded(3, 2, 1, 0, ["malformed_row"], [i6, i6 + "c"])));
            var i7 = Id("Q");
            files.Add(Text(Name("cr-only", "csv"), "csv-structure", (H() + G(i7) + G(i7 + "b")).Replace('\n', '\r'), Loaded(2, 2, 0, 0, [], [i7, i7 + "b"])));
            var i8 = Id("Q");
            files.Add(Text(Name("semicolons", "csv"), "csv-structure", (H() + G(i8)).Replace(',', ';'), Loaded(1, 1, 0, 0, [], [i8])));
            var i9 = Id("Q");
            files.Add(Text(Name("huge-line", "csv"), "csv-structure", H() + G(i9) + $"{i9}b,B01,2026-03-05,主题党日,{new string('长', 3_000_000)},5\n" + G(i9 + "c"),
                Loaded(3, 2, 1, 0, ["too_long"], [i9, i9 + "c"])));
            files.Add(Text(Name("header-only", "csv"), "csv-structure", H(), Loaded(0, 0, 0, 0, [], [])));
            files.Add(Text(Name("sql-header", "csv"), "csv-structure", "活动编号,\"组织编号\"\"; drop table raw.activities; --\",活动日期\nA1,B01,2026-03-05\n",
                HostileExpectation.Rejection("closest is")));
            files.Add(Text(Name("duplicate-header", "csv"), "csv-structure", "活动编号,activity_id,组织编号,活动日期,活动类型\n", HostileExpectation.Rejection("several columns mean")));
        }

        // Workbooks: truncated, corrupted, zip bombs, a zip that is no workbook, an old .xls.
        {
            var id = Id("W");
            var workbook = Render(ActivityHeader, [GoodActivity(ActivityHeader, id)!, GoodActivity(ActivityHeader, id + "b")!], "xlsx");
            foreach (var fraction in new[] { 0.02, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 0.97, 0.995 })
                files.Add(new HostileFile(Name("truncated", "xlsx"), "xlsx-truncated", workbook[..(int)(workbook.Length * fraction)], HostileExpectation.Rejection("XLSX")));
            files.Add(new HostileFile(Name("truncated-last-byte", "xlsx"), "xlsx-truncated", workbook[..^1], HostileExpectation.Rejection("XLSX")));
            foreach (var at in new[] { 0.3, 0.5, 0.7 })
            {
                var damaged = (byte[])workbook.Clone();
                var entry = SheetDataOffset(workbook);
                for (var k = 0; k < 16; k++) damaged[entry + (int)((damaged.Length - entry) * at * 0.5) + k] ^= 0x5A;
                files.Add(new HostileFile(Name("corrupted", "xlsx"), "xlsx-corrupted", damaged, HostileExpectation.Rejection("workbook")));
            }
            files.Add(new HostileFile(Name("zip-bomb-sheet", "xlsx"), "zip-bomb", ZipBomb("xl/worksheets/sheet1.xml"), HostileExpectation.Rejection("zip bomb")));
            files.Add(new HostileFile(Name("zip-bomb-strings", "xlsx"), "zip-bomb", ZipBomb("xl/sharedStrings.xml"), HostileExpectation.Rejection("zip bomb")));
            files.Add(new HostileFile(Name("lying-zip", "xlsx"), "zip-bomb", LyingZip(), HostileExpectation.Rejection("XLSX")));
            files.Add(new HostileFile(Name("plain-zip", "xlsx"), "xlsx-corrupted", PlainZip(), HostileExpectation.Rejection("XLSX")));
            files.Add(new HostileFile(Name("old-xls", "xls"), "xlsx-corrupted", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], HostileExpectation.Rejection(".xls")));
        }

        // Hostile JSON.
        {
            var j = Id("J");
            files.Add(Text(Name("deep-nesting", "json"), "json", new string('[', 100_000) + new string(']', 100_000), HostileExpectation.Rejection("JSON")));
            files.Add(Text(Name("object-not-array", "json"), "json", "{\"活动编号\": \"A1\"}", HostileExpectation.Rejection("array of objects")));
            files.Add(Text(Name("array-of-numbers", "json"), "json", "[1, 2, 3]", HostileExpectation.Rejection("holds no objects")));
            files.Add(Text(Name("truncated", "json"), "json", "[{\"活动编号\": \"A1\", \"组织编号\": ", HostileExpectation.Rejection("not valid JSON")));
            files.Add(Text(Name("nested-values", "json"), "json",
                $"[{{\"活动编号\": \"{j}\", \"组织编号\": \"B01\", \"活动日期\": \"2026-03-05\", \"活动类型\": \"主题党日\", \"参与人数\": 5}}," +
                $"{{\"活动编号\": {{\"$ne\": 1}}, \"组织编号\": [\"B01\"], \"活动日期\": \"2026-03-05\", \"活动类型\": \"主题党日\"}}]",
                Loaded(2, 1, 1, 0, ["bad_id", "unknown_unit"], [j])));
            var j2 = Id("J");
            files.Add(Text(Name("huge-number", "json"), "json",
                $"[{{\"活动编号\": \"{j2}\", \"组织编号\": \"B01\", \"活动日期\": \"2026-03-05\", \"活动类型\": \"主题党日\", \"参与人数\": 1e400}}," +
                $"{{\"活动编号\": \"{j2}b\", \"组织编号\": \"B01\", \"活动日期\": \"2026-03-05\", \"活动类型\": \"主题党日\", \"参与人数\": 3}}]",
                Loaded(2, 1, 1, 0, ["bad_number"], [j2 + "b"])));
            var j3 = Id("J");
            files.Add(Text(Name("nul-escape", "json"), "json",
                $"[{{\"活动编号\": \"{j3}\\u0000\", \"组织编号\": \"B01\", \"活动日期\": \"2026-03-05\", \"活动类型\": \"主题党日\"}}," +
                $"{{\"活动编号\": \"{j3}b\", \"组织编号\": \"B01\", \"活动日期\": \"2026-03-05\", \"活动类型\": \"主题党日\", \"活动名称\": \"a\\u0000b\"}}]",
                Loaded(2, 1, 1, 0, ["bad_id"], [j3 + "b"])));
            files.Add(Text(Name("comments", "json"), "json", "// a comment\n[{\"活动编号\": \"A1\"}]", HostileExpectation.Rejection("matches no ledger kind")));
            files.Add(Text(Name("empty-array", "json"), "json", "[]", HostileExpectation.Rejection("holds no objects")));
        }

        // File names: dots, lookalike slashes, control characters, bidi overrides, emoji, decomposed accents, long.
        foreach (var name in new[]
                 {
                     "..csv", "...csv", "..%2F..%2Fescape.csv", "..\\..\\escape.csv", "..∕..∕escape.csv", "-rf.csv", " leading space.csv",
                     "名单 (1).csv", "emoji😀.csv", "rtl\u202Egpj.exe.csv", "e\u0301cole.csv", "newline\nname.csv", "tab\tname.csv",
                     "semi;colon.csv", "quote'name.csv", "dollar$(reboot).csv", "star*.csv", "question?.csv", "percent%s%n.csv",
                     "CON.csv", new string('长', 80) + ".csv", "back`tick`.csv", "a\u0000b.csv".Replace("\u0000", "\u2400"), "ﬁ-ligature.csv",
                     "zero\u200Bwidth.csv",
                 })
        {
            var id = Id("F");
            files.Add(Csv($"{++n:D3}-{name}", "file-name", ActivityHeader, [GoodActivity(ActivityHeader, id)!], Loaded(1, 1, 0, 0, [], [id])));
        }

        // Links out of the inbox.
        var outside = Path.Combine(outsideDir, "outside-ledger.csv");
        File.WriteAllText(outside, string.Join(",", ActivityHeader) + "\n" + string.Join(",", GoodActivity(ActivityHeader, "OUTSIDE1")!) + "\n");
        files.Add(new HostileFile(Name("link-to-ledger", "csv"), "symlink", [], HostileExpectation.Rejection("symbolic link"), outside));
        files.Add(new HostileFile(Name("link-to-passwd", "csv"), "symlink", [], HostileExpectation.Rejection("symbolic link"), "/etc/passwd"));
        return files;
    }

    /// <summary>Cases as tables: (family, build(caseId) → header, good rows, bad rows, expectation for the bad rows), formats.</summary>
    private static IEnumerable<(string, Func<string, (string[], string[][], string[][], HostileExpectation)>, string[])> TableCases()
    {
        string[] all = ["csv", "gb18030", "xlsx", "json"];
        string[] noXlsx = ["csv", "gb18030", "json"]; // an XLSX cell holds at most 32,767 characters
        string[] A(string id, string unit = "B01", string date = "2026-03-05", string type = "主题党日", string title = "标题", string count = "5") =>
            [id, unit, date, type, title, count];

        yield return ("formula-title", id => (ActivityHeader, [
            A(id + "a", title: "=cmd|' /C calc'!A0"), A(id + "b", title: "+SUM(1,2)"), A(id + "c", title: "-2+3"),
            A(id + "d", title: "@SUM(A1)"), A(id + "e", title: "=HYPERLINK(\"http://127.0.0.1/x\",\"点我\")"), A(id + "f", title: "\t=1+1"),
        ], [], Loaded(0, 0, 0, 0, [], [id + "a", id + "b", id + "c", id + "d", id + "e", id + "f"])), all);
        yield return ("formula-id", id => (ActivityHeader, [], [A("=1+1"), A("+A1"), A("@x" + id)], Loaded(3, 0, 3, 0, ["bad_id"], [])), all);
        yield return ("sql-in-ids", id => (ActivityHeader, [], [
            A(id + "'; drop table core.members; --"), A(id + "b", unit: "B01' or '1'='1"), A(id + "c", unit: "B01\"; select 1; --"),
        ], Loaded(3, 0, 3, 0, ["bad_id", "unknown_unit"], [])), all);
        yield return ("unknown-units", id => (ActivityHeader, [], [A(id + "a", unit: "B99"), A(id + "b", unit: "C77")], Loaded(2, 0, 2, 0, ["unknown_unit"], [])), all);
        yield return ("future-dates", id => (ActivityHeader, [], [
            A(id + "a", date: "2099-01-01"), A(id + "b", date: "9999-12-31"), A(id + "c", date: "20260-01-01"),
        ], Loaded(3, 0, 3, 0, ["future_date", "bad_date"], [])), all);
        yield return ("conflicting-duplicates", id => (ActivityHeader, [], [
            A(id + "a", title: "第一版"), A(id + "a", title: "第二版"), A(id + "b"), A(id + "b"),
        ], Loaded(4, 1, 2, 1, ["duplicate_key"], [id + "b"])), all);
        yield return ("huge-fields", id => (ActivityHeader, [], [
            A(id + "a", title: new string('长', 1_000_000)), A(id + new string('9', 1_000_000)), A(id + "c", count: new string('9', 1_000_000)),
        ], Loaded(3, 0, 3, 0, ["too_long", "bad_id", "bad_number"], [])), noXlsx);
        yield return ("many-problems", id => (ActivityHeader, [], [A(id + "a", unit: "B98", date: "2026-02-30", count: "-4")],
            Loaded(1, 0, 1, 0, ["unknown_unit", "bad_date", "negative_count"], [])), all);
        yield return ("odd-unicode", id => (ActivityHeader, [
            A(id + "a", title: "右\u202E左"), A(id + "b", title: "零\u200B宽"), A(id + "c", title: "表情😀🏳️‍🌈"), A("Ｆ" + id + "ｄ", title: "全角编号"),
        ], [A(id + "\u200Be")], Loaded(1, 0, 1, 0, ["bad_id"], [id + "a", id + "b", id + "c", "F" + id + "d"])), all);
        yield return ("attendance-unknowns", id => (AttendanceHeader, [["A001", "M001", "出席"]], [
            ["A999", "M001", "出席"], ["A001", "M999", "出席"], ["A002", "M001' --", "出席"], ["A003", "M003", "迟到"],
        ], Loaded(4, 0, 4, 0, ["unknown_activity", "unknown_member", "unknown_value"], [])), all);
        yield return ("pledge-unknowns", id => (PledgeHeader, [["M003", "八一工程", "2026", "S2"]], [
            ["M001", "七一工程", "2026", "T1'; --"], ["M001", "七一工程", "2026", "S1"], ["M001", "七一工程", "20260", "T1"],
        ], Loaded(3, 0, 3, 0, ["unknown_pledge_item", "pledge_item_programme", "bad_year"], [])), all);
    }

    private static HostileExpectation Loaded(long read, long loaded, long quarantined, long duplicates, string[] reasons, string[] ids) =>
        new(false, null, read, loaded, quarantined, duplicates, reasons, ids);

    /// <summary>A good activity row (or, for other ledgers, null: their good rows are given by the case).</summary>
    private static string[]? GoodActivity(string[] header, string id) =>
        header == ActivityHeader ? [id, "B01", "2026-03-05", "主题党日", "好的活动", "5"] : null;

    private static HostileFile Csv(string name, string family, string[] header, string[][] rows, HostileExpectation expect) =>
        new(name, family, Render(header, rows.ToList(), "csv"), expect);

    private static HostileFile Text(string name, string family, string text, HostileExpectation expect) =>
        new(name, family, Encoding.UTF8.GetBytes(text), expect);

    private static byte[] Render(string[] header, List<string[]> rows, string format)
    {
        switch (format)
        {
            case "csv" or "gb18030":
                var text = new StringBuilder(string.Join(",", header.Select(Quote)) + "\n");
                foreach (var row in rows) text.Append(string.Join(",", row.Select(Quote))).Append('\n');
                return format == "csv" ? Encoding.UTF8.GetBytes(text.ToString()) : Gbk.GetBytes(text.ToString());
            case "xlsx":
                using (var stream = new MemoryStream())
                {
                    var sheet = rows.Select(r => header.Select((h, i) => (h, v: (object)r[i])).ToDictionary(p => p.h, p => p.v)).ToList();
                    if (sheet.Count == 0) sheet.Add(header.ToDictionary(h => h, _ => (object)""));
                    stream.SaveAs(sheet, excelType: ExcelType.XLSX);
                    return stream.ToArray();
                }
            case "json":
                return JsonSerializer.SerializeToUtf8Bytes(rows.Select(r => header.Select((h, i) => (h, v: r[i])).ToDictionary(p => p.h, p => p.v)));
            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;

    /// <summary>Where the first entry's data starts (after its local header), so corruption hits compressed data.</summary>
    private static int SheetDataOffset(byte[] zip) => 30 + BitConverter.ToUInt16(zip, 26) + BitConverter.ToUInt16(zip, 28);

    /// <summary>An XLSX whose named part inflates ~300 MB of repeated XML from well under 1 MB.</summary>
    private static byte[] ZipBomb(string bombPart)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            WritePart(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            WritePart(zip, "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook/>");
            var entry = zip.CreateEntry(bombPart, CompressionLevel.SmallestSize);
            using var part = entry.Open();
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 1 << 20));
            for (var i = 0; i < 300; i++) part.Write(chunk);
        }
        return stream.ToArray();
    }

    /// <summary>A small zip whose one part says it is 10 bytes but inflates to 10 MB.</summary>
    public static byte[] LyingZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize);
            using var part = entry.Open();
            part.Write(Encoding.ASCII.GetBytes(new string('<', 10 << 20)));
        }
        var bytes = stream.ToArray();
        // Rewrite the declared uncompressed size (local header offset 22, central directory entry offset 24) to 10.
        BitConverter.GetBytes(10u).CopyTo(bytes, 22);
        var central = bytes.AsSpan().LastIndexOf("PK\u0001\u0002"u8);
        BitConverter.GetBytes(10u).CopyTo(bytes, central + 24);
        return bytes;
    }

    private static byte[] PlainZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true)) WritePart(zip, "notes.txt", "not a workbook");
        return stream.ToArray();
    }

    private static void WritePart(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
