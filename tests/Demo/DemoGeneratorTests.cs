using Analytics.Demo;

namespace Analytics.Tests.Demo;

public class DemoGeneratorTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 24);

    [Fact]
    public void SameSeed_SameUniversity()
    {
        var a = new DemoUniversity(7, AsOf);
        var b = new DemoUniversity(7, AsOf);
        Assert.Equal(a.Memberships, b.Memberships);
        Assert.Equal(a.Activities.Select(x => (x.Id, x.UnitId, x.HeldOn, string.Join("、", x.Types))), b.Activities.Select(x => (x.Id, x.UnitId, x.HeldOn, string.Join("、", x.Types))));
        Assert.Equal(a.Attendance, b.Attendance);
        Assert.Equal(a.Lagging.Select(l => l.BranchId), b.Lagging.Select(l => l.BranchId));
    }

    [Fact]
    public void University_CoversTwoCalendarYearsToTheLastCompleteMonth()
    {
        var u = new DemoUniversity(DemoGenerator.DefaultSeed, AsOf);
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2026, 10, 31)), (u.FirstDay, u.LastDay));
        Assert.All(u.Activities, a => Assert.InRange(a.HeldOn, u.FirstDay, u.LastDay));
        // Every month has activities, and every catalogue type occurs.
        Assert.Equal(22, u.Activities.Select(a => a.HeldOn.ToString("yyyy-MM")).Distinct().Count());
        var types = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "catalogues", "activity_types.csv")).Skip(1).Select(l => l.Split(',')[0]);
        Assert.Empty(types.Except(u.Activities.SelectMany(a => a.Types)));
        // Some meetings count as two types at once.
        Assert.Contains(u.Activities, a => a.Types.Count > 1);
    }

    [Fact]
    public void LaggingBranches_ReallyLag()
    {
        var u = new DemoUniversity(DemoGenerator.DefaultSeed, AsOf);
        Assert.Equal(6, u.Lagging.Count);
        var byActivity = u.Activities.ToDictionary(a => a.Id);
        double PresentShare(IEnumerable<string> branches) =>
            u.Attendance.Where(r => branches.Contains(byActivity[r.ActivityId].UnitId) && byActivity[r.ActivityId].HeldOn >= new DateOnly(2026, 3, 1)
                                    && byActivity[r.ActivityId].Types.Contains("主题党日"))
                .Average(r => r.Status == "出席" ? 1.0 : 0.0);
        var laggingOnParticipation = u.Lagging.Where(l => l.Aspects.Contains("participation")).Select(l => l.BranchId).ToHashSet();
        var healthy = u.Branches.Select(b => b.Id).Where(id => u.Lagging.All(l => l.BranchId != id)).ToHashSet();
        Assert.True(PresentShare(laggingOnParticipation) < PresentShare(healthy) - 0.25,
            $"lagging {PresentShare(laggingOnParticipation):0.00} vs healthy {PresentShare(healthy):0.00}");
    }
}
