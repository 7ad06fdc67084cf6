using Analytics.Demo;
using Analytics.Flags;
using Analytics.Warehouse;
using Analytics.Model;
using Analytics.Tests.Support;

namespace Analytics.Tests.Flags;

/// <summary>The demo university through ingest, models and the flagger, once for the class.</summary>
public sealed class DemoFlagFixture : IDisposable
{
    public TempWarehouse Warehouse { get; } = new();
    public FlagRunReport Report { get; }
    public GroundTruth Truth { get; }
    public string Queries { get; } = Path.Combine(AppContext.BaseDirectory, "queries");

    public DemoFlagFixture()
    {
        var dataset = DemoGenerator.Generate(Warehouse.Root, new DateOnly(2026, 11, 24));
        Warehouse.Ingest();
        new ModelBuilder(Warehouse.Connection, MartContracts.Load(Queries)).Build(ModelDiscovery.Discover(Queries));
        Report = new Flagger(Warehouse.Connection, Queries, Path.Combine(Warehouse.Root, "models"), Warehouse.Clock).Run();
        Truth = GroundTruth.Load(dataset.GroundTruthPath);
    }

    public void Dispose() => Warehouse.Dispose();
}

public class DemoFlagTests(DemoFlagFixture f) : IClassFixture<DemoFlagFixture>
{
    [Fact]
    public void OnMonthsNotTrainedOn_TheFlagsFindThePlantedBranches_BetterThanTheBaseline()
    {
        // Trained on 2025 (the year with 述职评议 grades); judged on 2026 against the generator's ground truth.
        Assert.Equal("2025-01…2025-12", f.Report.TrainMonths);
        Assert.All(f.Report.Unseen, r => Assert.Equal(2026, r.Year));
        var e = f.Report.Model.Evaluate(f.Report.Unseen, f.Truth.Lags);
        // Measured: AUC 0.984, recall 0.911, precision 0.671; baseline recall 0.821, precision 0.261. The floors
        // below are what it really meets; precision misses the 0.8 the issue aims for (see the closing note).
        Assert.True(e.Auc >= 0.95, $"AUC {e.Auc}");
        Assert.True(e.Recall >= 0.9, $"recall {e.Recall}");
        Assert.True(e.Precision >= 0.6, $"precision {e.Precision}");
        Assert.True(e.Precision >= e.BaselinePrecision + 0.3, $"precision {e.Precision} vs baseline {e.BaselinePrecision}");
        Assert.True(e.Recall >= e.BaselineRecall, $"recall {e.Recall} vs baseline {e.BaselineRecall}");
    }

    [Fact]
    public void EveryBranchMonthWithMembers_IsScored_AndEveryFlagSaysWhyInChinese()
    {
        var w = f.Warehouse;
        Assert.Equal(w.Scalar<long>("select count(*) from marts.branch_month where n_active_members > 0"), w.Scalar<long>("select count(*) from marts.branch_flags"));
        Assert.Equal(f.Report.Flags.Count, w.Scalar<long>("select count(*) from marts.branch_flags where is_flagged"));
        Assert.Equal(0L, w.Scalar<long>("select count(*) from marts.branch_flags where is_flagged and (len(reasons) not between 1 and 3)"));
        Assert.All(w.Strings("select unnest(reasons) from marts.branch_flags where is_flagged"), r => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", r));
        Assert.Equal([f.Report.ModelVersion], w.Strings("select distinct model_version from marts.branch_flags"));
    }

    [Fact]
    public void TheRun_IsRecorded_WithItsFiguresAndModelFile()
    {
        var run = f.Warehouse.Strings("select model_version || '|' || heldout_months || '|' || cast(flagged_rows as varchar) from ops.flag_runs").Single();
        Assert.Equal($"{f.Report.ModelVersion}|2025-09…2025-12|{f.Report.Flags.Count}", run);
        Assert.True(File.Exists(f.Report.ModelPath));
        Assert.True(f.Warehouse.Scalar<double>("select heldout_auc from ops.flag_runs") > 0.9);
    }
}
