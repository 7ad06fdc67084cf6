using Analytics.Flags;

namespace Analytics.Tests.Flags;

public class LaggingModelTests
{
    /// <summary>40 branches × 12 months; branches 0–7 lag: low participation and meetings against their peers.</summary>
    private static List<BranchFeatures> Synthetic(int seed = 3)
    {
        var random = new Random(seed);
        var rows = new List<BranchFeatures>();
        for (var b = 0; b < 40; b++)
            for (var m = 1; m <= 12; m++)
            {
                var lags = b < 8;
                float Noise(double scale) => (float)((random.NextDouble() - 0.5) * scale);
                rows.Add(new BranchFeatures
                {
                    BranchId = $"B{b:00}", BranchName = $"支部{b}", MonthId = $"2025-{m:00}", Year = 2025, Category = "学生",
                    Label = lags, YearLagging = lags, Members = 20 + b % 7,
                    Participation3m = (lags ? 0.55f : 0.92f) + Noise(0.2), ParticipationGap = (lags ? -0.35f : 0f) + Noise(0.2),
                    Attendance3m = (lags ? 0.5f : 0.9f) + Noise(0.2), AttendanceGap = (lags ? -0.4f : 0f) + Noise(0.2),
                    Compliance = (lags ? 0.5f : 0.85f) + Noise(0.2), ComplianceGap = (lags ? -0.3f : 0f) + Noise(0.2),
                    PledgeCoverage = 0.9f + Noise(0.1), IsStudent = 1,
                });
            }
        return rows;
    }

    [Fact]
    public void SameData_SameVersionAndScores()
    {
        var a = LaggingModel.Train(Synthetic());
        var b = LaggingModel.Train(Synthetic());
        Assert.Equal(a.Version, b.Version);
        Assert.Equal(a.Threshold, b.Threshold);
        Assert.Equal(a.Score(Synthetic(4)).Select(s => s.Probability), b.Score(Synthetic(4)).Select(s => s.Probability));
        Assert.NotEqual(a.Version, LaggingModel.Train(Synthetic(5)).Version);
    }

    [Fact]
    public void SavedModel_ScoresExactlyAsTheTrainedOne()
    {
        var path = Path.Combine(Path.GetTempPath(), "kfr-model-" + Guid.NewGuid().ToString("N")[..8], "m.zip");
        try
        {
            var trained = LaggingModel.Train(Synthetic());
            trained.Save(path);
            var loaded = LaggingModel.Load(path, trained.Version);
            var test = Synthetic(9);
            Assert.Equal(trained.Threshold, loaded.Threshold);
            Assert.Equal(trained.Score(test).Select(s => s.Probability), loaded.Score(test).Select(s => s.Probability));
            Assert.Equal(trained.Score(test)[0].Contributions, loaded.Score(test)[0].Contributions);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void Model_SeparatesLaggingBranches_OnDataItNeverSaw()
    {
        var model = LaggingModel.Train(Synthetic());
        var scores = model.Score(Synthetic(11));
        Assert.True(LaggingModel.Auc(scores.Select(s => (s.Probability, s.Features.Label)).ToList()) > 0.95);
        var (precision, recall) = LaggingModel.PrecisionRecall(scores.Select(s => (s.Probability >= model.Threshold, s.Features.Label)));
        Assert.True(recall >= 0.9 && precision >= 0.8, $"precision {precision}, recall {recall}");
    }

    [Fact]
    public void OneClassOnly_CannotTrain_AndSaysWhy()
    {
        var rows = Synthetic().Where(r => !r.Label).ToList();
        Assert.Contains("both lagging and non-lagging", Assert.Throws<InvalidOperationException>(() => LaggingModel.Train(rows)).Message);
    }

    [Fact]
    public void Auc_IsTheShareOfPositiveNegativePairsRankedRight()
    {
        // Pairs: 0.9>0.7, 0.9>0.8, 0.8>0.7, 0.8=0.8 (half) → 3.5 of 4.
        Assert.Equal(0.875, LaggingModel.Auc([(0.9f, true), (0.8f, true), (0.7f, false), (0.8f, false)]));
        Assert.Null(LaggingModel.Auc([(0.9f, true)]));
    }
}
