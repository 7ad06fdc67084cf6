namespace Analytics.Demo;

/// <summary>
/// A seeded, realistic 景德镇学院: 13 党总支 (12 colleges and 机关党委), about 50 branches, about 1,200 members at any
/// time with moves and graduations, and two calendar years of ledgers (the previous year and the current one up to
/// the last complete month; with <c>firstYear</c>, the current year only), with the seasons of a university year. Some
/// branches lag on purpose (<see cref="Lagging"/>): some from the start and persisting, some new later on. 述职评议
/// grades are noisy as real ones are: now and then a lagging branch is graded 较好 and a healthy one 一般.
/// </summary>
public sealed class DemoUniversity
{
    public DateOnly FirstDay { get; }
    public DateOnly LastDay { get; }
    public List<DemoUnit> Units { get; } = [];
    public List<DemoMembership> Memberships { get; } = [];
    public List<DemoActivity> Activities { get; } = [];
    public List<DemoAttendance> Attendance { get; } = [];
    public List<DemoPledge> Pledges { get; } = [];
    public List<DemoPublicity> Publicity { get; } = [];
    public List<DemoEvaluation> Evaluations { get; } = [];
    public List<LaggingBranch> Lagging { get; } = [];

    private readonly Random _random;
    private readonly Dictionary<string, (DateOnly From, HashSet<string> Aspects)> _lag = new();
    private int _memberSeq;

    /// <param name="asOf">The day the ledgers are exported; data runs to the end of the month before it.</param>
    public DemoUniversity(int seed, DateOnly asOf, bool firstYear = false)
    {
        _random = new Random(seed);
        LastDay = new DateOnly(asOf.Year, asOf.Month, 1).AddDays(-1);
        FirstDay = new DateOnly(firstYear ? LastDay.Year : LastDay.Year - 1, 1, 1);
        BuildUnits();
        BuildMembers();
        PlantLaggingBranches();
        foreach (var month in Months()) BuildMonth(month);
        BuildPledges();
        BuildEvaluations();
    }

    public IEnumerable<DateOnly> Months()
    {
        for (var m = FirstDay; m <= LastDay; m = m.AddMonths(1)) yield return m;
    }

    public IEnumerable<DemoUnit> Branches => Units.Where(u => u.Type == "党支部");

    /// <summary>Members of a branch on a day (valid_from ≤ day &lt; valid_to).</summary>
    public IEnumerable<DemoMembership> MembersOn(string branchId, DateOnly day) =>
        _byBranch.TryGetValue(branchId, out var list) ? list.Where(m => m.ValidFrom <= day && (m.ValidTo is null || day < m.ValidTo)) : [];

    private Dictionary<string, List<DemoMembership>> _byBranch = new();

    private void BuildUnits()
    {
        var colleges = DemoNames.Colleges.Append((DemoNames.OfficeCollegeId, DemoNames.OfficeCollegeName, "机关作风建设"));
        foreach (var (id, name, brand) in colleges)
        {
            var isOffice = id == DemoNames.OfficeCollegeId;
            Units.Add(new DemoUnit(id, isOffice ? name : name + "党总支", "党总支", null, null, new DateOnly(2013, 9, 1), 0, brand));
            if (isOffice)
            {
                Units.Add(Branch(id, "B1301", "机关第一党支部", "机关", 2));
                Units.Add(Branch(id, "B1302", "机关第二党支部", "机关", 0));
                Units.Add(Branch(id, "B1303", "离退休党支部", "离退休", 2));
                continue;
            }
            var teacherBranches = id is "C01" or "C05" or "C06" ? 2 : 1;
            var studentBranches = id is "C11" or "C12" ? 2 : _random.Next(2, 4);
            var n = 1;
            for (var t = 1; t <= teacherBranches; t++)
                Units.Add(Branch(id, $"B{id[1..]}{n++:00}", $"{name}教工{(teacherBranches > 1 ? Ordinal(t) : "")}党支部", "教工", _random.Next(0, 3)));
            for (var s = 1; s <= studentBranches; s++)
                Units.Add(Branch(id, $"B{id[1..]}{n++:00}", $"{name}学生{Ordinal(s)}党支部", "学生", s == 1 ? _random.Next(0, 3) : 0));
        }
    }

    private DemoUnit Branch(string collegeId, string id, string name, string category, int partyGroups) =>
        new(id, name, "党支部", collegeId, category, new DateOnly(2014 + _random.Next(0, 6), 3 + _random.Next(0, 7), 1), partyGroups, null);

    private static string Ordinal(int n) => n switch { 1 => "第一", 2 => "第二", 3 => "第三", _ => $"第{n}" };

    private void BuildMembers()
    {
        foreach (var branch in Branches)
        {
            var size = branch.Category switch
            {
                "教工" => _random.Next(9, 30),
                "学生" => _random.Next(14, 36),
                "离退休" => _random.Next(10, 18),
                _ => _random.Next(8, 16),
            };
            // A few small branches, below the 7 members a branch committee needs.
            if (branch.Id.EndsWith("02", StringComparison.Ordinal) && branch.Category == "教工" || branch.Id == "B1302") size = _random.Next(4, 7);
            var isStudent = branch.Category == "学生";
            for (var i = 0; i < size; i++) AddMember(branch, isStudent, isStudent ? RandomDate(new DateOnly(2022, 9, 1), FirstDay) : RandomDate(new DateOnly(2005, 1, 1), FirstDay));
            if (!isStudent) continue;
            // Each September and December new student members arrive; each July a cohort graduates.
            foreach (var intake in new[] { new DateOnly(FirstDay.Year, 9, 15), new DateOnly(FirstDay.Year, 12, 10), new DateOnly(LastDay.Year, 9, 15) }.Distinct())
                if (intake <= LastDay)
                    for (var i = _random.Next(3, 8); i > 0; i--) AddMember(branch, true, intake.AddDays(_random.Next(0, 20)));
        }

        // Graduations: students who joined early leave on 1 July (the first day no longer in the branch).
        for (var i = 0; i < Memberships.Count; i++)
        {
            var m = Memberships[i];
            if (m.MemberType != "学生") continue;
            foreach (var year in new[] { FirstDay.Year, LastDay.Year })
            {
                var graduation = new DateOnly(year, 7, 1);
                if (graduation > LastDay || m.ValidFrom >= graduation.AddYears(-1) || m.ValidTo is not null) continue;
                if (_random.NextDouble() < 0.45) Memberships[i] = m with { ValidTo = graduation };
            }
        }

        // Moves between branches of the same category: a teacher changes department, a student changes major.
        var movers = Memberships.Where(m => m.ValidTo is null && m.BranchId != "B1303").OrderBy(_ => _random.Next()).Take(40).ToList();
        foreach (var mover in movers)
        {
            var from = Units.Single(u => u.Id == mover.BranchId);
            var targets = Branches.Where(b => b.Category == from.Category && b.Id != from.Id).ToList();
            var earliest = Max(FirstDay.AddMonths(2), mover.ValidFrom.AddDays(30));
            if (earliest >= LastDay.AddMonths(-1)) continue;
            var day = RandomDate(earliest, LastDay.AddMonths(-1));
            var index = Memberships.IndexOf(mover);
            Memberships[index] = mover with { ValidTo = day };
            Memberships.Add(mover with { BranchId = targets[_random.Next(targets.Count)].Id, ValidFrom = day, ValidTo = null });
        }
        _byBranch = Memberships.GroupBy(m => m.BranchId).ToDictionary(g => g.Key, g => g.ToList());
    }

    private void AddMember(DemoUnit branch, bool student, DateOnly validFrom)
    {
        var id = $"JDZ{++_memberSeq:00000}";
        var name = DemoNames.Surnames[_random.Next(DemoNames.Surnames.Length)] +
                   DemoNames.GivenChars[_random.Next(DemoNames.GivenChars.Length)] +
                   (_random.NextDouble() < 0.6 ? DemoNames.GivenChars[_random.Next(DemoNames.GivenChars.Length)] : "");
        var joined = student ? validFrom.AddDays(-_random.Next(0, 200)) : validFrom.AddDays(-_random.Next(0, 4000));
        var probationary = student && validFrom > FirstDay.AddMonths(-6);
        Memberships.Add(new DemoMembership(id, name, student ? "学生" : "教工", _random.NextDouble() < 0.52 ? "女" : "男",
            probationary ? "预备党员" : "正式党员", joined, branch.Id, validFrom, null));
    }

    private void PlantLaggingBranches()
    {
        var candidates = Branches.Where(b => b.Category is "教工" or "学生" && MembersOn(b.Id, FirstDay).Count() >= 9)
            .OrderBy(_ => _random.Next()).Take(6).ToList();
        // Two laggards from the start, two from a third of the way, two new ones from two thirds (in the final year).
        var months = Months().Count();
        var starts = new[] { 0, 0, months / 3, months / 3, months * 2 / 3, months * 2 / 3 }.Select(m => FirstDay.AddMonths(m)).ToArray();
        string[][] aspects = [["participation", "meetings"], ["pledges"], ["participation", "pledges"], ["meetings"], ["participation", "meetings", "pledges"], ["participation"]];
        for (var i = 0; i < candidates.Count; i++)
        {
            _lag[candidates[i].Id] = (starts[i], aspects[i].ToHashSet());
            Lagging.Add(new LaggingBranch(candidates[i].Id, candidates[i].Name, starts[i].ToString("yyyy-MM"), aspects[i]));
        }
    }

    private bool Lags(string unitId, DateOnly day, string aspect) =>
        _lag.TryGetValue(unitId, out var lag) && day >= lag.From && lag.Aspects.Contains(aspect);

    private int _activitySeq;

    private void BuildMonth(DateOnly month)
    {
        var vacation = month.Month is 2 or 8;
        var examMonth = month.Month is 1 or 6;
        foreach (var branch in Branches)
        {
            var members = MembersOn(branch.Id, month.AddMonths(1).AddDays(-1)).ToList();
            if (members.Count == 0) continue;
            var missesMeetings = Lags(branch.Id, month, "meetings");
            bool Holds(double usual) => _random.NextDouble() < (missesMeetings ? usual * 0.45 : usual);

            var quarterEnd = month.Month % 3 == 0;
            // 支部党员大会 is often held as the month's 主题党日: one meeting, two types.
            if (Holds(vacation ? 0.55 : 0.96))
            {
                var types = quarterEnd && Holds(0.9) ? new[] { "支部党员大会", "主题党日" } : ["主题党日"];
                AddMeeting(branch, members, DayIn(month, vacation), types, $"{month.Month}月主题党日");
            }
            else if (quarterEnd && Holds(0.9)) AddMeeting(branch, members, DayIn(month, vacation), ["支部党员大会"], $"{month.Month}月支部党员大会");
            if (members.Count >= 7 && Holds(vacation ? 0.6 : 0.93))
                AddMeeting(branch, members.Where((_, i) => i < 5).ToList(), DayIn(month, vacation), ["支部委员会"], $"{month.Month}月支委会");
            if (branch.PartyGroups > 0 && Holds(vacation ? 0.5 : 0.9))
                AddMeeting(branch, members.Take(Math.Max(3, members.Count / branch.PartyGroups)).ToList(), DayIn(month, vacation), ["党小组会"], "党小组学习会");
            if ((month.Month % 3 == 1 || quarterEnd) && Holds(quarterEnd ? 0.5 : 0.6))
                AddMeeting(branch, members, DayIn(month, vacation), ["党课"], "书记讲党课");
            if (month.Month == 12 || month.Month == 1 && Holds(0.3))
            {
                if (Holds(0.93)) AddMeeting(branch, members, DayIn(month, false), ["组织生活会", "民主评议党员"], $"{month.Year - (month.Month == 1 ? 1 : 0)}年度组织生活会和民主评议党员");
            }
            if (!examMonth && Holds(0.7)) AddMeeting(branch, members, DayIn(month, vacation), [vacation ? "线上学习" : "理论学习"], vacation ? "假期线上学习" : "理论学习");

            // Red culture and practice: the 七一 peak in June–July, 三下乡 in July–August, volunteering all year.
            var college = Units.Single(u => u.Id == branch.ParentId);
            if (month.Month is 6 or 7 && Holds(0.7)) AddEvent(branch, members, month, Pick(["红歌会", "红色演出", "红色情景剧", "红色展览参观"]), college.BrandProject);
            if (month.Month is 7 or 8 && branch.Category == "学生" && Holds(0.8)) AddEvent(branch, members, month, "暑期三下乡", college.BrandProject);
            if (!vacation && Holds(0.45)) AddEvent(branch, members, month, Pick(["志愿服务", "红色微党课", "党建带团建", "校地合作", "春风帮学", "旅游外语服务", "科技特派员", "卓越工程师", "红色展览参观"]), college.BrandProject);
        }

        foreach (var college in Units.Where(u => u.Type == "党总支"))
        {
            if (month.Month is 2 or 8 || _random.NextDouble() < 0.35) continue;
            var pool = Branches.Where(b => b.ParentId == college.Id).SelectMany(b => MembersOn(b.Id, month)).ToList();
            if (pool.Count == 0) continue;
            var type = month.Month is 6 or 7 ? "红色演出" : Pick(["红色微党课", "志愿服务", "校地合作", "红色展览参观", "红歌会"]);
            AddEvent(college, pool, month, type, college.BrandProject);
        }

        for (var i = 0; i < 30; i++)
        {
            var unit = Units[_random.Next(Units.Count)];
            if (_random.NextDouble() < 0.4) continue;
            var channel = DemoNames.ChannelNames[Math.Min(_random.Next(0, 8), DemoNames.ChannelNames.Length - 1)];
            var reads = (long)(Math.Exp(_random.NextDouble() * 4 + 4) * (channel == "视频号" ? 3 : 1));
            Publicity.Add(new DemoPublicity($"XC{month:yyyyMM}{i + 1:000}", unit.Id, DayIn(month, false), channel,
                $"{unit.Name}开展“窑火红”主题活动", $"https://www.jdzu.edu.cn/news/{month:yyyyMM}/{i + 1}.html", reads, reads / (5 + _random.Next(0, 20))));
        }
    }

    private void AddMeeting(DemoUnit branch, List<DemoMembership> members, DateOnly day, string[] types, string title)
    {
        var id = NextActivityId(day);
        var attended = 0;
        foreach (var member in members.Where(m => m.ValidFrom <= day && (m.ValidTo is null || day < m.ValidTo)))
        {
            var present = !Lags(branch.Id, day, "participation") ? 0.9 : IsDisengaged(member) ? 0.03 : 0.6;
            var roll = _random.NextDouble();
            var status = roll < present ? "出席" : roll < present + (1 - present) * 0.6 ? "请假" : "缺席";
            if (status == "出席") attended++;
            Attendance.Add(new DemoAttendance(id, member.MemberId, status));
        }
        // Ledger keepers leave 参与人数 empty about one time in five: the attendance records then count.
        Activities.Add(new DemoActivity(id, branch.Id, day, types, title, null, _random.NextDouble() < 0.2 ? null : attended, null, null, 1.5m));
    }

    private void AddEvent(DemoUnit unit, List<DemoMembership> members, DateOnly month, string type, string? brand)
    {
        var day = DayIn(month, month.Month is 7 or 8);
        var id = NextActivityId(day);
        var active = members.Where(m => m.ValidFrom <= day && (m.ValidTo is null || day < m.ValidTo)).ToList();
        var chosen = active.Where(m => _random.NextDouble() < (!Lags(unit.Id, day, "participation") ? 0.6 : IsDisengaged(m) ? 0.02 : 0.3)).ToList();
        foreach (var member in chosen) Attendance.Add(new DemoAttendance(id, member.MemberId, "出席"));
        var external = type is "志愿服务" or "暑期三下乡" or "校地合作" or "红色演出" or "春风帮学" or "旅游外语服务" ? _random.Next(20, 400) : _random.Next(0, 40);
        var partner = type is "校地合作" or "暑期三下乡" or "科技特派员" or "志愿服务" || _random.NextDouble() < 0.2
            ? DemoNames.Partners[_random.Next(DemoNames.Partners.Length)] : null;
        Activities.Add(new DemoActivity(id, unit.Id, day, [type], $"{unit.Name.Replace("党总支", "")}{type}活动", brand,
            chosen.Count + _random.Next(0, 30), external, partner, type == "暑期三下乡" ? 40m : 3m));
    }

    private void BuildPledges()
    {
        var itemsByProgramme = new Dictionary<string, string[]>
        {
            ["七一工程"] = ["T1", "T2", "T3", "T4", "T5", "T6", "T7"],
            ["八一工程"] = ["S1", "S2", "S3", "S4", "S5", "S6", "S7"],
        };
        foreach (var year in new[] { FirstDay.Year, LastDay.Year }.Distinct())
        {
            var yearStart = new DateOnly(year, 3, 1);
            foreach (var m in Memberships.Where(m => m.ValidFrom <= new DateOnly(year, 12, 31) && (m.ValidTo is null || m.ValidTo > yearStart))
                         .Where(m => Units.Single(u => u.Id == m.BranchId).Category is "教工" or "学生")
                         .DistinctBy(m => m.MemberId))
            {
                var lags = Lags(m.BranchId, new DateOnly(year, 6, 30), "pledges");
                if (_random.NextDouble() > (lags ? 0.5 : 0.95)) continue;
                var programme = m.MemberType == "教工" ? "七一工程" : "八一工程";
                var items = itemsByProgramme[programme].OrderBy(_ => _random.Next()).Take(_random.Next(3, 8)).ToList();
                var pledgedOn = Max(yearStart.AddDays(_random.Next(0, 45)), m.ValidFrom);
                if (pledgedOn > LastDay) continue;
                foreach (var item in items)
                {
                    DateOnly? completed = null;
                    if (_random.NextDouble() < (lags ? 0.35 : 0.85))
                    {
                        var done = pledgedOn.AddDays(_random.Next(20, 300));
                        if (done <= LastDay && done.Year == year) completed = done;
                    }
                    var review = completed is null ? "待审核" : completed > LastDay.AddDays(-40) ? "待审核" : _random.NextDouble() < 0.05 ? "驳回" : "已审核";
                    Pledges.Add(new DemoPledge(m.MemberId, programme, year, item, pledgedOn, completed,
                        completed is null ? null : $"{item}佐证材料.pdf", review));
                }
            }
        }
    }

    private void BuildEvaluations()
    {
        foreach (var unit in Units)
            // The year before the ledgers is graded; so is every ledger year that has ended.
            foreach (var year in Enumerable.Range(FirstDay.Year - 1, LastDay.Year - FirstDay.Year + 1))
            {
                var lags = Lags(unit.Id, new DateOnly(year, 12, 31), "participation") || Lags(unit.Id, new DateOnly(year, 12, 31), "meetings") || Lags(unit.Id, new DateOnly(year, 12, 31), "pledges");
                // Graders see more than the ledgers do, and sometimes less: about one grade in ten disagrees with the data.
                var roll = _random.NextDouble();
                var grade = lags ? roll < 0.42 ? "一般" : roll < 0.85 ? "差" : "较好"
                    : roll < 0.5 ? "好" : roll < 0.92 ? "较好" : "一般";
                Evaluations.Add(new DemoEvaluation(unit.Id, year, grade));
            }
    }

    /// <summary>
    /// In a branch that lags on participation, half the members have drifted away and almost never come; the rest
    /// come less often than elsewhere. (Fixed by member, so the same people stay away month after month.)
    /// </summary>
    private static bool IsDisengaged(DemoMembership member) => int.Parse(member.MemberId[3..], System.Globalization.CultureInfo.InvariantCulture) % 2 == 0;

    private string NextActivityId(DateOnly day) => $"HD{day:yyyyMM}{++_activitySeq:00000}";

    private DateOnly DayIn(DateOnly month, bool vacation)
    {
        var days = DateTime.DaysInMonth(month.Year, month.Month);
        var day = month.AddDays(vacation ? _random.Next(0, days) : _random.Next(2, Math.Min(days, 27)));
        return day > LastDay ? LastDay : day;
    }

    private DateOnly RandomDate(DateOnly from, DateOnly to) => from.AddDays(_random.Next(0, Math.Max(1, to.DayNumber - from.DayNumber)));

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
