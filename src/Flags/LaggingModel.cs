using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Analytics.Flags;

/// <summary>The boosted-trees settings; the defaults are the ones chosen on the demo's held-out months (see the closing note of issue 4).</summary>
public sealed record TreeSettings(int Trees = 100, int Leaves = 8, int MinRowsPerLeaf = 5, double LearningRate = 0.1, bool OutOfSampleThreshold = true);

/// <summary>A branch-month scored by the model: probability of ending the year lagging, and why.</summary>
public sealed record BranchScore(BranchFeatures Features, float Probability, IReadOnlyList<(string Feature, float Contribution)> Contributions);

/// <summary>How a trained model did on months it never saw, beside the rule baseline.</summary>
public sealed record Evaluation(int Rows, int Positives, double? Auc, double Precision, double Recall, double BaselinePrecision, double BaselineRecall);

/// <summary>
/// The lagging-branch classifier: FastTree boosted trees on the features of queries/flags/branch_features.sql,
/// labelled by the year-end 述职评议 grade (一般/差 = lagging), with per-example feature contributions so that every
/// flag can say why. Single-threaded with a fixed seed, so the same data give the same model.
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
    public static LaggingModel Train(IReadOnlyList<BranchFeatures> labelled, TreeSettings? settings = null)
    {
        settings ??= new TreeSettings();
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
    public static LaggingModel Train(IReadOnlyList<BranchFeatures> labelled, float threshold, TreeSettings? settings = null) =>
        Fit(labelled, settings ?? new TreeSettings()).WithThreshold(threshold);

    private static LaggingModel Fit(IReadOnlyList<BranchFeatures> labelled, TreeSettings settings)
    {
        var positives = labelled.Count(r => r.Label);
        if (positives == 0 || positives == labelled.Count)
            throw new InvalidOperationException(
                $"Cannot train: the {labelled.Count} labelled branch-months need both lagging and non-lagging branches (述职评议 grades 一般/差 and 好/较好); found {positives} lagging.");
        var data = Ml.Data.LoadFromEnumerable(labelled);
        var concat = Ml.Transforms.Concatenate("Features", BranchFeatures.FeatureNames).Fit(data);
        var features = concat.Transform(data);
        var trainer = Ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = settings.Trees,
            NumberOfLeaves = settings.Leaves,
            MinimumExampleCountPerLeaf = settings.MinRowsPerLeaf,
            LearningRate = settings.LearningRate,
            NumberOfThreads = 1,
            Seed = 20260701,
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

    /// <summary>Precision and recall of the model at its threshold and of the rule baseline (bottom quartile of
    /// participation among peers in the month), and the model's AUC, on rows with a known truth.</summary>
    public Evaluation Evaluate(IReadOnlyList<BranchFeatures> rows, Func<BranchFeatures, bool> truth) => Evaluate(rows, Score(rows), truth);

    /// <summary>The same, on scores already computed for <paramref name="rows"/> (scoring is the expensive part).</summary>
    public Evaluation Evaluate(IReadOnlyList<BranchFeatures> rows, IReadOnlyList<BranchScore> scores, Func<BranchFeatures, bool> truth)
    {
        var baseline = BaselineFlags(rows);
        var auc = Auc(scores.Select(s => (s.Probability, truth(s.Features))).ToList());
        var (precision, recall) = PrecisionRecall(scores.Select(s => (s.Probability >= Threshold, truth(s.Features))));
        var (bp, br) = PrecisionRecall(rows.Select(r => (baseline.Contains((r.BranchId, r.MonthId)), truth(r))));
        return new Evaluation(rows.Count, rows.Count(truth), auc, precision, recall, bp, br);
    }

    /// <summary>The rule baseline: a branch in the bottom quartile of three-month participation among its peers that month.</summary>
    public static HashSet<(string, string)> BaselineFlags(IReadOnlyList<BranchFeatures> rows) =>
        rows.GroupBy(r => (r.MonthId, r.Category)).SelectMany(g =>
        {
            var ordered = g.OrderBy(r => r.Participation3m).ToList();
            var cut = ordered[(int)Math.Floor((ordered.Count - 1) * 0.25)].Participation3m;
            return ordered.Where(r => r.Participation3m <= cut).Select(r => (r.BranchId, r.MonthId));
        }).ToHashSet();

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

    /// <summary>The threshold with the best F1 over scored rows with known labels.</summary>
    public static float BestThreshold(List<(float Probability, bool Label)> scored)
    {
        var best = (F1: -1.0, Threshold: 0.5f);
        foreach (var candidate in scored.Select(s => s.Probability).Distinct().Order())
        {
            var (p, r) = PrecisionRecall(scored.Select(s => (s.Probability >= candidate, s.Label)));
            var f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            if (f1 > best.F1) best = (f1, candidate);
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

    private static (double Precision, double Recall) PrecisionRecall(IEnumerable<(bool Predicted, bool Actual)> pairs)
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
