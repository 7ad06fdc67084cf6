using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Analytics.Flags;

/// <param name="L2">Ridge penalty on the standardised features' weights: strong enough that a handful of noisily graded
/// branches cannot pull the weights their way.</param>
public sealed record ModelSettings(float L2 = 1f, bool OutOfSampleThreshold = true);

/// <summary>A branch-month scored by the model: probability of ending the year lagging, and why.</summary>
public sealed record BranchScore(BranchFeatures Features, float Probability, IReadOnlyList<(string Feature, float Contribution)> Contributions);

/// <summary>
/// The supervised layer of the warning: L2-regularised logistic regression on the standardised features of
/// queries/flags/branch_features.sql (levels and gaps to peers), labelled by the year-end 述职评议 grade (一般/差 =
/// lagging). A linear model over gaps cannot memorise which branch was graded what (the boosted trees it replaces
/// did: their scores for lagging branches fell from 0.99 to 0.03 while the figures stayed at half their peers'), and
/// its per-example feature contributions say why a branch scores high. Single-threaded with a fixed seed.
/// </summary>
public sealed class LaggingModel
{
    private static readonly MLContext Ml = new(seed: 20260701);
    private readonly ITransformer _pipeline;

    public string Version { get; }
    public float Threshold { get; }

    private LaggingModel(ITransformer pipeline, string version, float threshold)
    {
        _pipeline = pipeline;
        Version = version;
        Threshold = threshold;
    }

    /// <summary>
    /// Trains on the labelled rows. The threshold is the one with the best F1 on out-of-sample scores: each row scored
    /// by a model trained without its branch (4 folds by branch). On their own training rows boosted trees are
    /// nearly perfect, so a threshold chosen there sits far too high.
    /// </summary>
    public static LaggingModel Train(IReadOnlyList<BranchFeatures> labelled, ModelSettings? settings = null)
    {
        settings ??= new ModelSettings();
        var model = Fit(labelled, settings);
        if (!settings.OutOfSampleThreshold)
            return new LaggingModel(model._pipeline, model.Version, BestThreshold(model.Score(labelled).Select(s => (s.Probability, s.Features.Label)).ToList()));
        var outOfSample = new List<(float, bool)>();
        var folds = labelled.Select(r => r.BranchId).Distinct().Order(StringComparer.Ordinal).Select((b, i) => (b, i % 4)).ToDictionary(p => p.b, p => p.Item2);
        for (var fold = 0; fold < 4; fold++)
        {
            var train = labelled.Where(r => folds[r.BranchId] != fold).ToList();
            var test = labelled.Where(r => folds[r.BranchId] == fold).ToList();
            if (test.Count == 0 || !train.Any(r => r.Label) || train.All(r => r.Label)) continue;
            outOfSample.AddRange(Fit(train, settings).Score(test).Select(s => (s.Probability, s.Features.Label)));
        }
        var threshold = outOfSample.Any(s => s.Item2) ? BestThreshold(outOfSample) : BestThreshold(model.Score(labelled).Select(s => (s.Probability, s.Features.Label)).ToList());
        return new LaggingModel(model._pipeline, model.Version, threshold);
    }

    /// <summary>
    /// Trains on the labelled rows with a threshold chosen elsewhere (the flag run's time split): the four fold models
    /// that would only choose a threshold are not trained.
    /// </summary>
    public static LaggingModel Train(IReadOnlyList<BranchFeatures> labelled, float threshold, ModelSettings? settings = null) =>
        Fit(labelled, settings ?? new ModelSettings()).WithThreshold(threshold);

    private static LaggingModel Fit(IReadOnlyList<BranchFeatures> labelled, ModelSettings settings)
    {
        var positives = labelled.Count(r => r.Label);
        if (positives == 0 || positives == labelled.Count)
            throw new InvalidOperationException(
                $"Cannot train: the {labelled.Count} labelled branch-months need both lagging and non-lagging branches (述职评议 grades 一般/差 and 好/较好); found {positives} lagging.");
        var data = Ml.Data.LoadFromEnumerable(labelled);
        var concat = Ml.Transforms.Concatenate("Features", BranchFeatures.FeatureNames)
            .Append(Ml.Transforms.NormalizeMeanVariance("Features")).Fit(data);
        var features = concat.Transform(data);
        var trainer = Ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L2Regularization = settings.L2,
            L1Regularization = 0,
            // Figures in hundredths are all a warning needs: a looser tolerance than the default 1e-7 converges in a
            // fraction of the iterations on a large university's tens of thousands of branch-months.
            OptimizationTolerance = 1e-4f,
            MaximumNumberOfIterations = 200,
            NumberOfThreads = 1,
        }).Fit(features);
        var contributions = Ml.Transforms.CalculateFeatureContribution(trainer, numberOfPositiveContributions: BranchFeatures.FeatureNames.Length, numberOfNegativeContributions: 0)
            .Fit(trainer.Transform(Ml.Data.TakeRows(features, 1)));
        return new LaggingModel(concat.Append(trainer).Append(contributions), VersionOf(labelled), 0.5f);
    }

    public List<BranchScore> Score(IReadOnlyList<BranchFeatures> rows)
    {
        var scored = _pipeline.Transform(Ml.Data.LoadFromEnumerable(rows));
        var outputs = Ml.Data.CreateEnumerable<ScoredRow>(scored, reuseRowObject: false).ToList();
        return rows.Zip(outputs, (f, o) => new BranchScore(f, o.Probability,
            BranchFeatures.FeatureNames.Select((name, i) => (name, o.FeatureContributions[i])).ToList())).ToList();
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var schema = Ml.Data.LoadFromEnumerable(Array.Empty<BranchFeatures>()).Schema;
        using var stream = File.Create(path);
        Ml.Model.Save(_pipeline, schema, stream);
        File.WriteAllText(path + ".threshold", Threshold.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
    }

    public static LaggingModel Load(string path, string version)
    {
        if (!File.Exists(path)) throw new InvalidOperationException($"The model file {Path.GetFullPath(path)} is missing: run 'analytics flag' to train one.");
        using var stream = File.OpenRead(path);
        var pipeline = Ml.Model.Load(stream, out _);
        var threshold = float.Parse(File.ReadAllText(path + ".threshold"), System.Globalization.CultureInfo.InvariantCulture);
        return new LaggingModel(pipeline, version, threshold);
    }

    /// <summary>The same model with another decision threshold.</summary>
    public LaggingModel WithThreshold(float threshold) => new(_pipeline, Version, threshold);

    /// <summary>
    /// The threshold with the best F1 over scored rows with known labels (flag at score ≥ threshold; ties go to the
    /// lowest such threshold). One sweep down the sorted scores: a large university has tens of thousands of rows.
    /// </summary>
    public static float BestThreshold(List<(float Probability, bool Label)> scored)
    {
        var best = (F1: -1.0, Threshold: 0.5f);
        var positives = scored.Count(s => s.Label);
        var sorted = scored.OrderByDescending(s => s.Probability).ToList();
        var (tp, flagged) = (0, 0);
        for (var i = 0; i < sorted.Count; i++)
        {
            tp += sorted[i].Label ? 1 : 0;
            flagged++;
            // Rows with the same score are flagged together: judge a threshold only after the last of them.
            if (i + 1 < sorted.Count && sorted[i + 1].Probability == sorted[i].Probability) continue;
            var precision = (double)tp / flagged;
            var recall = positives == 0 ? 0 : (double)tp / positives;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (f1 >= best.F1) best = (f1, sorted[i].Probability);
        }
        return best.Threshold;
    }

    /// <summary>Area under the ROC curve: the chance that a lagging row scores above a non-lagging one (ties count half).</summary>
    public static double? Auc(IReadOnlyList<(float Score, bool Label)> rows)
    {
        var positives = rows.Where(r => r.Label).Select(r => r.Score).ToList();
        var negatives = rows.Where(r => !r.Label).Select(r => r.Score).ToList();
        if (positives.Count == 0 || negatives.Count == 0) return null;
        double wins = 0;
        foreach (var p in positives)
            foreach (var n in negatives)
                wins += p > n ? 1 : p == n ? 0.5 : 0;
        return wins / ((double)positives.Count * negatives.Count);
    }

    public static (double Precision, double Recall) PrecisionRecall(IEnumerable<(bool Predicted, bool Actual)> pairs)
    {
        var list = pairs.ToList();
        var tp = list.Count(p => p.Predicted && p.Actual);
        var predicted = list.Count(p => p.Predicted);
        var actual = list.Count(p => p.Actual);
        return (predicted == 0 ? 0 : (double)tp / predicted, actual == 0 ? 0 : (double)tp / actual);
    }

    /// <summary>A version that names the training data: the same labelled rows give the same version.</summary>
    private static string VersionOf(IReadOnlyList<BranchFeatures> rows)
    {
        var text = new StringBuilder();
        foreach (var r in rows)
            text.Append(r.BranchId).Append(r.MonthId).Append(r.Label).Append(string.Join(",", BranchFeatures.FeatureNames.Select(n => typeof(BranchFeatures).GetProperty(n)!.GetValue(r)))).Append('\n');
        return "lagging-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
    }

    private sealed class ScoredRow
    {
        public float Probability { get; set; }
        public float[] FeatureContributions { get; set; } = [];
    }

}
