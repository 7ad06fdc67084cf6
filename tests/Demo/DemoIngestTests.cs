using Analytics.Demo;
using Analytics.Ingest.Loading;
using Analytics.Warehouse;
using Analytics.Tests.Support;

namespace Analytics.Tests.Demo;

/// <summary>
/// The whole demo university through ingest, once for the class (it takes a few seconds): every file's counts must
/// equal what the generator planted, reason by reason.
/// </summary>
public sealed class DemoIngestFixture : IDisposable
{
    public TempWarehouse Warehouse { get; } = new();
    public DemoDataset Dataset { get; }
    public IReadOnlyList<FileOutcome> Outcomes { get; }

    public DemoIngestFixture()
    {
        Dataset = DemoGenerator.Generate(Warehouse.Root, new DateOnly(2026, 11, 24));
        Outcomes = Warehouse.Ingest();
    }

    public void Dispose() => Warehouse.Dispose();
}

public class DemoIngestTests(DemoIngestFixture fixture) : IClassFixture<DemoIngestFixture>
{
    [Fact]
    public void EveryFile_CountsEqualWhatTheGeneratorPlanted()
    {
        foreach (var spec in fixture.Dataset.Files)
        {
            var outcome = fixture.Outcomes.Single(o => o.FileName == spec.FileName);
            if (spec.Rejected)
            {
                Assert.Equal(FileStatus.Rejected, outcome.Status);
                continue;
            }
            Assert.True(FileStatus.Loaded == outcome.Status, $"{spec.FileName}: {outcome.Status} {outcome.Message}");
            Assert.Equal((spec.FileName, spec.Kind, spec.Rows, spec.ExpectedLoaded, spec.QuarantinedRows, spec.Duplicates),
                (outcome.FileName, outcome.Kind!, (int)outcome.RowsRead, (int)outcome.RowsLoaded, (int)outcome.RowsQuarantined, (int)outcome.DuplicatesSkipped));
            Assert.True(outcome.Reconciles);
        }
    }

    [Fact]
    public void EveryFile_QuarantineReasonsEqualThePlantedOnes()
    {
        foreach (var spec in fixture.Dataset.Files.Where(f => !f.Rejected))
        {
            var actual = fixture.Warehouse.Connection.Query(
                "select reason_code, count(distinct row_no) from ops.quarantine where file_name = ? group by 1 order by 1",
                r => (r.GetString(0), (int)r.GetInt64(1)), spec.FileName);
            Assert.Equal(spec.Quarantined.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)), actual);
        }
    }

    [Fact]
    public void Warehouse_HoldsTheUniversityAtItsRealSize()
    {
        var u = fixture.Dataset.University;
        var w = fixture.Warehouse;
        Assert.Equal(u.Units.Count, w.Scalar<long>("select count(*) from core.org_units"));
        Assert.InRange(w.Scalar<long>("select count(*) from core.org_units where unit_type = 'branch'"), 40, 60);
        Assert.Equal(u.Memberships.Count, w.Scalar<long>("select count(*) from core.memberships"));
        Assert.Equal(u.Memberships.Select(m => m.MemberId).Distinct().Count(), w.Scalar<long>("select count(*) from core.members"));
        // About 1,200 members belong to a branch on any given day.
        Assert.InRange(w.Scalar<long>("select count(*) from core.memberships where valid_from <= date '2026-03-31' and (valid_to is null or valid_to > date '2026-03-31')"), 1000, 1400);
        Assert.Equal(u.Activities.Count, w.Scalar<long>("select count(*) from core.activities"));
        Assert.Equal(u.Attendance.Count, w.Scalar<long>("select count(*) from core.attendance"));
        Assert.Equal(u.Pledges.Count, w.Scalar<long>("select count(*) from core.pledges"));
        Assert.Equal(u.Publicity.Count, w.Scalar<long>("select count(*) from core.publicity"));
        Assert.Equal(u.Evaluations.Count, w.Scalar<long>("select count(*) from core.evaluations"));
    }

    [Fact]
    public void Warehouse_CoreMatchesTheGeneratedFactsExactly()
    {
        // Every membership period, as generated (open periods have no valid_to).
        var expected = fixture.Dataset.University.Memberships
            .Select(m => $"{m.MemberId}|{m.BranchId}|{m.ValidFrom:yyyy-MM-dd}|{m.ValidTo:yyyy-MM-dd}")
            .Order(StringComparer.Ordinal).ToList();
        var actual = fixture.Warehouse.Strings(
            "select member_id || '|' || branch_id || '|' || strftime(valid_from, '%Y-%m-%d') || '|' || coalesce(strftime(valid_to, '%Y-%m-%d'), '') from core.memberships order by 1 collate \"binary\"");
        Assert.Equal(expected, actual);

        var activities = fixture.Dataset.University.Activities
            .Select(a => $"{a.Id}|{a.UnitId}|{a.HeldOn:yyyy-MM-dd}|{string.Join(",", a.Types.Order(StringComparer.Ordinal))}|{a.Participants}")
            .Order(StringComparer.Ordinal).ToList();
        var loaded = fixture.Warehouse.Strings(
            "select activity_id || '|' || unit_id || '|' || strftime(held_on, '%Y-%m-%d') || '|' || array_to_string(list_sort(activity_types), ',') || '|' || coalesce(cast(participants as varchar), '') from core.activities order by 1");
        Assert.Equal(activities, loaded);
    }
}
