using System.Globalization;
using System.Text;

namespace Analytics.Demo;

/// <summary>What the large tier wrote: its files and their row counts.</summary>
public sealed record LargeTierDataset(string InboxDir, IReadOnlyDictionary<string, long> Rows, DateOnly FirstMonth, DateOnly LastMonth)
{
    public long TotalRows => Rows.Values.Sum();
}

/// <summary>
/// The province-wide large tier for benchmarks: 100 colleges of 20 branches (2,000), 50 members each (100,000), five
/// years of months, and per branch-month the meetings 三会一课 asks for plus brand activities, which gives about
/// 25 million attendance rows. Written straight to CSV, row by row (nothing is held in memory), seeded, so two runs
/// write the same bytes. Its ledgers are clean: it measures speed, not validation of planted faults.
/// </summary>
public static class LargeTier
{
    public const int Colleges = 100, BranchesPerCollege = 20, MembersPerBranch = 50;
    private static readonly string[] BrandTypes = ["红歌会", "红色微党课", "红色展览参观", "志愿服务", "暑期三下乡", "校地合作", "科技特派员", "党建带团建"];

    /// <param name="firstMonth">The first month of activity; <paramref name="months"/> months follow it.</param>
    /// <param name="nextMonthDir">Where the activities and attendance of the month after them go (the incremental
    /// benchmark's "new month"), as activities_next.csv and attendance_next.csv.</param>
    public static LargeTierDataset Write(string inboxDir, DateOnly firstMonth, int months, string nextMonthDir, int seed = 20260701, Action<string>? progress = null)
    {
        Directory.CreateDirectory(inboxDir);
        var rows = new Dictionary<string, long>();
        var branches = Enumerable.Range(1, Colleges).SelectMany(c => Enumerable.Range(1, BranchesPerCollege).Select(b => (College: c, Branch: b))).ToList();
        string CollegeId(int c) => $"C{c:D3}";
        string BranchId(int c, int b) => $"B{c:D3}{b:D2}";
        string MemberId(int c, int b, int m) => $"M{c:D3}{b:D2}{m:D2}";
        bool IsStudent(int b) => b > 6;
        // One branch in twenty lags: fewer present at its meetings.
        bool Lagging(int c, int b) => (c * 31 + b * 7) % 20 == 0;

        rows["org_units.csv"] = WriteCsv(inboxDir, "org_units.csv", "unit_id,unit_name,unit_type,parent_id,category,established_on,party_groups", w =>
        {
            long n = 0;
            for (var c = 1; c <= Colleges; c++)
            {
                w.Line($"{CollegeId(c)},第{c}学院党总支,党总支,,,2010-09-01,"); n++;
                for (var b = 1; b <= BranchesPerCollege; b++, n++)
                    w.Line($"{BranchId(c, b)},第{c}学院第{b}党支部,党支部,{CollegeId(c)},{(IsStudent(b) ? "学生" : "教工")},2010-09-01,{(b % 3 == 0 ? 2 : 0)}");
            }
            return n;
        });
        progress?.Invoke("org units");

        rows["members.csv"] = WriteCsv(inboxDir, "members.csv", "member_id,name,member_type,branch_id,valid_from,valid_to,status", w =>
        {
            long n = 0;
            foreach (var (c, b) in branches)
                for (var m = 1; m <= MembersPerBranch; m++, n++)
                    w.Line($"{MemberId(c, b, m)},党员{c}-{b}-{m},{(IsStudent(b) ? "学生" : "教工")},{BranchId(c, b)},2020-09-01,,正式党员");
            return n;
        });
        progress?.Invoke("members");

        // Activities and attendance are written together, month by month, branch by branch.
        var random = new Random(seed);
        long activityRows = 0, attendanceRows = 0;
        const string activityHeader = "activity_id,unit_id,held_on,activity_type,title,participants,external_audience,partner";
        Directory.CreateDirectory(nextMonthDir);
        var activities = new CsvLines(Path.Combine(inboxDir, "activities.csv"), activityHeader);
        var attendance = new CsvLines(Path.Combine(inboxDir, "attendance.csv"), "activity_id,member_id,status");
        try
        {
            for (var k = 0; k <= months; k++)
            {
                if (k == months)
                {
                    activities.Dispose();
                    attendance.Dispose();
                    activities = new CsvLines(Path.Combine(nextMonthDir, "activities_next.csv"), activityHeader);
                    attendance = new CsvLines(Path.Combine(nextMonthDir, "attendance_next.csv"), "activity_id,member_id,status");
                }
                var month = firstMonth.AddMonths(k);
                foreach (var (c, b) in branches)
                {
                    var lagging = Lagging(c, b);
                    var meetings = new List<(string Type, int Day, int Attendees)>
                    {
                        ("主题党日", 5, MembersPerBranch), ("党小组会", 10, MembersPerBranch), ("党课", 15, MembersPerBranch),
                        ("支部委员会", 18, 7), (BrandTypes[random.Next(BrandTypes.Length)], 22, 25),
                    };
                    if (month.Month % 3 == 0) meetings.Add(("支部党员大会", 25, MembersPerBranch));
                    if (random.NextDouble() < 0.3) meetings.Add((BrandTypes[random.Next(BrandTypes.Length)], 27, 25));
                    for (var i = 0; i < meetings.Count; i++)
                    {
                        var (type, day, attendees) = meetings[i];
                        var id = $"A{BranchId(c, b)}{k:D2}{i}";
                        var brand = Array.IndexOf(BrandTypes, type) >= 0;
                        activities.Line($"{id},{BranchId(c, b)},{month.AddDays(day - 1):yyyy-MM-dd},{type},{type},{(brand ? attendees : "")},{(brand ? random.Next(0, 60) : "")},{(brand && random.NextDouble() < 0.3 ? $"合作单位{random.Next(1, 400)}" : "")}");
                        if (k < months) activityRows++;
                        var present = lagging ? 0.55 : 0.9;
                        for (var m = 1; m <= attendees; m++)
                        {
                            var roll = random.NextDouble();
                            attendance.Line($"{id},{MemberId(c, b, m)},{(roll < present ? "出席" : roll < present + 0.06 ? "请假" : "缺席")}");
                            if (k < months) attendanceRows++;
                        }
                    }
                }
                progress?.Invoke($"activities and attendance {month:yyyy-MM}");
            }
        }
        finally
        {
            activities.Dispose();
            attendance.Dispose();
        }
        rows["activities.csv"] = activityRows;
        rows["attendance.csv"] = attendanceRows;

        var years = Enumerable.Range(firstMonth.Year, firstMonth.AddMonths(months - 1).Year - firstMonth.Year + 1).ToList();
        rows["pledges.csv"] = WriteCsv(inboxDir, "pledges.csv", "member_id,programme,year,item,pledged_on,completed_on,review", w =>
        {
            long n = 0;
            foreach (var (c, b) in branches)
                for (var m = 1; m <= MembersPerBranch; m++)
                    foreach (var year in years)
                    {
                        var (programme, prefix) = IsStudent(b) ? ("八一工程", "S") : ("七一工程", "T");
                        var first = random.Next(1, 7);
                        foreach (var item in new[] { first, first + 1 })
                        {
                            var done = random.NextDouble() < (Lagging(c, b) ? 0.3 : 0.75);
                            var completed = done ? new DateOnly(year, random.Next(3, 12), 15) : (DateOnly?)null;
                            var shown = completed is { } d && d <= firstMonth.AddMonths(months).AddDays(-1) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
                            w.Line($"{MemberId(c, b, m)},{programme},{year},{prefix}{item},{year}-01-10,{shown},{(shown.Length > 0 ? "已审核" : "")}");
                            n++;
                        }
                    }
            return n;
        });
        progress?.Invoke("pledges");

        rows["publicity.csv"] = WriteCsv(inboxDir, "publicity.csv", "item_id,unit_id,published_on,channel,title,reads,likes", w =>
        {
            long n = 0;
            string[] channels = ["学校网站", "微信公众号", "视频号", "报纸"];
            for (var k = 0; k < months; k++)
                for (var c = 1; c <= Colleges; c++)
                    for (var i = 0; i < 2; i++, n++)
                        w.Line($"P{c:D3}{k:D2}{i},{CollegeId(c)},{firstMonth.AddMonths(k).AddDays(7 + 10 * i):yyyy-MM-dd},{channels[(c + i + k) % channels.Length]},稿件{n},{random.Next(50, 3000)},{random.Next(0, 200)}");
            return n;
        });

        rows["evaluations.csv"] = WriteCsv(inboxDir, "evaluations.csv", "unit_id,year,grade", w =>
        {
            long n = 0;
            foreach (var year in years.Where(y => new DateOnly(y, 12, 1) <= firstMonth.AddMonths(months - 1)))
                foreach (var (c, b) in branches)
                {
                    var grade = Lagging(c, b) ? (random.NextDouble() < 0.7 ? "差" : "一般") : random.NextDouble() switch { < 0.4 => "好", < 0.85 => "较好", _ => "一般" };
                    w.Line($"{BranchId(c, b)},{year},{grade}");
                    n++;
                }
            return n;
        });
        progress?.Invoke("publicity and evaluations");
        return new LargeTierDataset(inboxDir, rows, firstMonth, firstMonth.AddMonths(months - 1));
    }

    private static long WriteCsv(string dir, string name, string header, Func<CsvLines, long> body)
    {
        using var lines = new CsvLines(Path.Combine(dir, name), header);
        return body(lines);
    }

    /// <summary>A UTF-8 CSV written line by line through a 1 MiB buffer.</summary>
    private sealed class CsvLines : IDisposable
    {
        private readonly StreamWriter _writer;

        public CsvLines(string path, string header)
        {
            _writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
            _writer.WriteLine(header);
        }

        public void Line(string line) => _writer.WriteLine(line);

        public void Dispose() => _writer.Dispose();
    }
}
