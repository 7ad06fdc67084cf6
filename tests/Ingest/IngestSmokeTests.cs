using Analytics.Ingest.Loading;
using Analytics.Tests.Support;

namespace Analytics.Tests.Ingest;

public class IngestSmokeTests
{
    [Fact]
    public void Ingest_ThreeCleanLedgers_LoadsEveryRowIntoCore()
    {
        using var w = new TempWarehouse();
        w.WriteInbox("a.csv", Ledgers.Activities);
        w.WriteInbox("m.csv", Ledgers.Members);
        w.WriteInbox("o.csv", Ledgers.OrgUnits);

        var outcomes = w.Ingest();

        Assert.All(outcomes, o => Assert.Equal(FileStatus.Loaded, o.Status));
        Assert.Equal(["org_units", "members", "activities"], outcomes.Select(o => o.Kind));
        Assert.Equal(3, w.Scalar<long>("select count(*) from core.org_units"));
        Assert.Equal(3, w.Scalar<long>("select count(*) from core.members"));
        Assert.Equal(3, w.Scalar<long>("select count(*) from core.activities"));
        Assert.Equal(["2026-03-05", "2026-03-06", "2026-03-07"], w.Strings("select strftime(held_on, '%Y-%m-%d') from core.activities order by 1"));
        Assert.Equal("[主题党日, 支部党员大会]", w.Strings("select cast(activity_types as varchar) from core.activities where activity_id = 'A001'").Single());
        Assert.Empty(w.Strings("select reason from ops.quarantine"));
    }
}
