using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Flags;

/// <summary>
/// Trains the lagging-branch model on the warehouse's history, judges it on months it was not trained on, saves it,
/// scores every branch-month with the saved model, and stores the flags (marts.branch_flags) and the run
/// (ops.flag_runs).
/// </summary>
public sealed class Flagger(DuckDBConnection warehouse, string queriesDir, string modelsDir, TimeProvider clock)
{
    public const string FlagsTable = "marts.branch_flags";

    /// <summary>What this stage writes into the model schemas, declared to the model builder so that a build keeps it.</summary>
    public static IReadOnlyList<string> OutputTables { get; } = [FlagsTable];

    public FlagRunReport Run()
    {
        var phases = new Dictionary<string, double>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string name) { phases[name] = watch.Elapsed.TotalSeconds; watch.Restart(); }
        var rows = FeatureReader.Read(warehouse, queriesDir);
        Phase("features");
        var labelled = rows.Where(r => r.YearLagging is not null).ToList();
        foreach (var r in labelled) r.Label = r.YearLagging!.Value;
        if (labelled.Count == 0)
            throw new InvalidOperationException("No branch-month has a year-end 述职评议 grade to learn from: load an evaluations ledger first.");

        // Judge a model trained on the earlier labelled months on the later ones: never train on what is judged.
        var months = labelled.Select(r => r.MonthId).Distinct().Order(StringComparer.Ordinal).ToList();
        string? heldOutMonths = null;
        Evaluation? heldOut = null;
        float? timeThreshold = null;
        if (months.Count >= 3)
        {
            var cut = months[months.Count * 2 / 3];
            var earlier = labelled.Where(r => string.CompareOrdinal(r.MonthId, cut) < 0).ToList();
            var later = labelled.Where(r => string.CompareOrdinal(r.MonthId, cut) >= 0).ToList();
            if (earlier.Any(r => r.Label) && earlier.Any(r => !r.Label) && later.Any(r => r.Label))
            {
                var judged = LaggingModel.Train(earlier);
                var laterScores = judged.Score(later);
                heldOut = judged.Evaluate(later, laterScores, r => r.Label);
                heldOutMonths = $"{cut}…{months[^1]}";
                // The decision threshold comes from exactly the situation the model is used in: later months scored
                // by a model trained on earlier ones.
                timeThreshold = LaggingModel.BestThreshold(laterScores.Select(s => (s.Probability, s.Features.Label)).ToList());
            }
        }

        Phase("judging");
        // The model in use learns from every labelled month, and scoring goes through the saved file.
        var trained = timeThreshold is { } threshold ? LaggingModel.Train(labelled, threshold) : LaggingModel.Train(labelled);
        var path = Path.Combine(modelsDir, trained.Version + ".zip");
        trained.Save(path);
        var model = LaggingModel.Load(path, trained.Version);
        Phase("training");
        var scores = model.Score(rows);
        var flags = scores.Where(s => s.Probability >= model.Threshold).Select(s => new BranchFlag(
            s.Features.BranchId, s.Features.BranchName, s.Features.CollegeId, s.Features.MonthId, s.Probability, model.Threshold,
            model.Version, FlagReasons.From(s.Features, s.Contributions))).ToList();

        Phase("scoring");
        var stored = warehouse.InTransaction(() =>
        {
            Store(scores, flags, model);
            var runId = (warehouse.Scalar<int?>("select max(run_id) from ops.flag_runs") ?? 0) + 1;
            var report = new FlagRunReport(runId, model, Path.GetFullPath(path), labelled.Count, months[0], months[^1], heldOutMonths, heldOut, rows, flags);
            warehouse.Execute("insert into ops.flag_runs values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                runId, model.Version, report.ModelPath, clock.GetUtcNow(), labelled.Count, report.TrainMonths, (double)model.Threshold,
                heldOutMonths, heldOut?.Rows, heldOut?.Auc, heldOut?.Precision, heldOut?.Recall, heldOut?.BaselinePrecision, heldOut?.BaselineRecall, flags.Count);
            return report;
        });
        Phase("storing");
        return stored with { PhaseSeconds = phases };
    }

    /// <summary>Creates (or empties) marts.branch_flags.</summary>
    public static void CreateFlagsTable(DuckDBConnection warehouse)
    {
        warehouse.Execute("create schema if not exists marts");
        warehouse.Execute($"""
            create or replace table {FlagsTable} (
                branch_id varchar not null, branch_name varchar not null, college_id varchar, month_id varchar not null,
                score double not null, threshold double not null, is_flagged boolean not null,
                model_version varchar not null, reasons varchar[], reason_topics varchar[], primary key (branch_id, month_id))
            """);
    }

    private void Store(List<BranchScore> scores, List<BranchFlag> flags, LaggingModel model)
    {
        var reasons = flags.ToDictionary(f => (f.BranchId, f.MonthId), f => f.Reasons);
        CreateFlagsTable(warehouse);
        using (var appender = warehouse.CreateAppender("marts", "branch_flags"))
            foreach (var s in scores)
            {
                var f = s.Features;
                var row = appender.CreateRow().AppendValue(f.BranchId).AppendValue(f.BranchName).AppendValue(f.CollegeId).AppendValue(f.MonthId)
                    .AppendValue((double)s.Probability).AppendValue((double)model.Threshold).AppendValue(s.Probability >= model.Threshold)
                    .AppendValue(model.Version);
                if (reasons.TryGetValue((f.BranchId, f.MonthId), out var r))
                    row.AppendValue(r.Select(x => x.Text).ToList()).AppendValue(r.Select(x => x.Topic).ToList()).EndRow();
                else
                    row.AppendNullValue().AppendNullValue().EndRow();
            }
        warehouse.Execute($"comment on table {FlagsTable} is 'one row per branch per month with members: the lagging-branch model''s score (probability of ending the year lagging), its threshold, and for flagged branches the reasons in Chinese'");
    }
}
