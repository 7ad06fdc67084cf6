using System.Globalization;
using System.Text.Json;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Flags;

/// <summary>
/// The early warning, in two layers named on every flag. Rules (规则预警, marts.branch_rule_checks: figures of the last
/// three teaching months against catalogue lines) need no history. The model (模型预警) is supervised where 述职评议
/// grades exist for years that also have ledgers (regularised logistic regression, judged on a held-out year when
/// there are two such years) and otherwise the unsupervised peer model (how far a branch falls below its peers). A
/// branch is flagged when either layer flags it; months the supervised model learned from are marked and flagged by
/// the rules alone. Stores every branch-month (marts.branch_flags) and the run with its comparison (ops.flag_runs).
/// </summary>
public sealed class Flagger(DuckDBConnection warehouse, string queriesDir, string modelsDir, TimeProvider clock)
{
    public const string FlagsTable = "marts.branch_flags";

    /// <summary>What this stage writes into the model schemas, declared to the model builder so that a build keeps it.</summary>
    public static IReadOnlyList<string> OutputTables { get; } = [FlagsTable, Alerts.AlertPlanner.WarningsMart];

    public const string Supervised = "supervised";
    public const string Peer = "peer";

    /// <summary>A peer-model figure counts as a reason from this many robust standard deviations below the peers.</summary>
    private const float PeerReasonLine = 3f;

    /// <summary>The supervised model learns from the months of a graded year from this one on (September to December).</summary>
    private const int GradedFromMonth = 9;

    /// <param name="truth">A ground truth (the demo's) to judge the layers against on the final year from September.</param>
    public FlagRunReport Run(Func<string, string, bool>? truth = null)
    {
        var phases = new Dictionary<string, double>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string name) { phases[name] = watch.Elapsed.TotalSeconds; watch.Restart(); }

        var rows = FeatureReader.Read(warehouse, queriesDir);
        if (rows.Count == 0) throw new InvalidOperationException("No branch-month with members to judge: ingest the org units, members and activities, then run 'analytics model'.");
        var breaches = RuleCheck.ReadBreaches(warehouse);
        var peerScores = new PeerShortfallModel().Score(rows);
        var unusual = peerScores.ToDictionary(p => p.Features, p => p.Contributions.Where(c => c.Contribution >= PeerReasonLine)
            .Select(c => FlagReasons.Topic(c.Feature)).ToHashSet(), (IEqualityComparer<BranchFeatures>)ReferenceEqualityComparer.Instance);
        Phase("features and rules");

        // A grade judges the year as it ended: its last four months carry it, not a spring before a branch began to lag.
        var graded = rows.Where(r => r.YearLagging is not null && !r.IsBreakMonth && int.Parse(r.MonthId[5..], CultureInfo.InvariantCulture) >= GradedFromMonth).ToList();
        foreach (var r in graded) r.Label = r.YearLagging!.Value;
        var gradedYears = graded.Select(r => r.Year).Distinct().Order().ToList();
        var comparisons = new List<FlagComparison>();
        var lagGrade = rows.ToDictionary(r => (r.BranchId, r.MonthId), r => r.YearLagging == true);
        bool Grade(BranchFlag f) => lagGrade[(f.BranchId, f.MonthId)];

        string kind, version;
        string? path = null, trainMonths = null;
        float threshold;
        List<BranchScore> scores;
        var trainedYears = new HashSet<int>();
        (double? Auc, FlagComparison Comparison)? heldOut = null;
        if (graded.Any(r => r.Label) && graded.Any(r => !r.Label))
        {
            float? chosen = null;
            if (gradedYears.Count >= 2)
            {
                // Judge on the last graded year a model trained on the years before it: never on what it learned from.
                var year = gradedYears[^1];
                var earlier = graded.Where(r => r.Year < year).ToList();
                if (earlier.Any(r => r.Label) && earlier.Any(r => !r.Label))
                {
                    var judge = LaggingModel.Train(earlier);
                    var yearRows = rows.Where(r => r.Year == year).ToList();
                    var yearScores = judge.Score(yearRows);
                    chosen = LaggingModel.BestThreshold(yearScores.Where(s => !s.Features.IsBreakMonth).Select(s => (s.Probability, s.Features.YearLagging == true)).ToList());
                    var judged = Combine(yearScores, judge.Threshold, Supervised, judge.Version, breaches, unusual, trainedYears: new HashSet<int>());
                    heldOut = (LaggingModel.Auc(yearScores.Select(s => (s.Probability, s.Features.YearLagging == true)).ToList()),
                        FlagComparison.Judge("述职评议等次", $"held-out year {year} (model trained on {string.Join(", ", earlier.Select(r => r.Year).Distinct())})", judged, Grade, modelJudged: true));
                    comparisons.Add(heldOut.Value.Comparison);
                }
            }
            Phase("judging on a held-out year");
            var trained = chosen is { } t ? LaggingModel.Train(graded, t) : LaggingModel.Train(graded);
            path = Path.GetFullPath(Path.Combine(modelsDir, trained.Version + ".zip"));
            trained.Save(path);
            var model = LaggingModel.Load(path, trained.Version);
            (kind, version, threshold) = (Supervised, model.Version, model.Threshold);
            Phase("training");
            scores = model.Score(rows);
            trainedYears.UnionWith(gradedYears);
            trainMonths = $"{graded.Min(r => r.MonthId)}…{graded.Max(r => r.MonthId)}";
        }
        else
        {
            (kind, version, threshold) = (Peer, PeerShortfallModel.Version, PeerShortfallModel.Line);
            scores = peerScores;
        }
        Phase("scoring");

        var flags = Combine(scores, threshold, kind, version, breaches, unusual, trainedYears);
        if (heldOut is null && gradedYears.Count > 0)
        {
            var year = gradedYears[^1];
            var yearFlags = flags.Where(f => f.MonthId.StartsWith(year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) && !f.IsBreakMonth).ToList();
            comparisons.Add(kind == Supervised
                ? FlagComparison.Judge("述职评议等次", $"graded year {year}", yearFlags, Grade, modelJudged: false,
                    note: $"the model learned from {year}'s grades and no earlier graded year has ledgers, so only the rules are judged on {year}")
                : FlagComparison.Judge("述职评议等次", $"graded year {year}", yearFlags, Grade, modelJudged: true));
        }
        if (truth is not null) comparisons.Add(JudgeFinalYear(flags, truth, trainedYears));
        Phase("judging");

        var report = warehouse.InTransaction(() =>
        {
            Store(flags);
            var runId = (warehouse.Scalar<int?>("select max(run_id) from ops.flag_runs") ?? 0) + 1;
            var r = new FlagRunReport(runId, kind, version, path, threshold, graded.Count, trainMonths, rows, flags, comparisons);
            var rules = comparisons.LastOrDefault(c => c.Against == "述职评议等次")?.Layer(FlagComparison.Rules);
            warehouse.Execute("insert into ops.flag_runs values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                runId, version, path ?? "", clock.GetUtcNow(), graded.Count, trainMonths ?? "", (double)threshold,
                heldOut?.Comparison.RowsJudged, heldOut?.Comparison.Layers[0].Rows, heldOut?.Auc,
                heldOut?.Comparison.Layer(FlagComparison.Model)?.Precision, heldOut?.Comparison.Layer(FlagComparison.Model)?.Recall,
                rules?.Precision, rules?.Recall, r.Flags.Count, kind, r.LatestMonth, JsonSerializer.Serialize(comparisons, Json));
            return r;
        });
        Phase("storing");
        return report with { PhaseSeconds = phases };
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The combined judgement of every scored branch-month. The model flags a branch only with a figure genuinely worse
    /// than its peers to show (at least <see cref="PeerReasonLine"/> robust standard deviations below them), and never
    /// one ranked in the top half of its peers; in a break month it keeps the month before's judgement (a break is
    /// neither a lapse nor a recovery).
    /// </summary>
    private static List<BranchFlag> Combine(IReadOnlyList<BranchScore> scores, float threshold, string kind, string version,
        IReadOnlyDictionary<(string, string), List<RuleCheck>> breaches, IReadOnlyDictionary<BranchFeatures, HashSet<string>> unusual, IReadOnlySet<int> trainedYears)
    {
        var flags = new List<BranchFlag>(scores.Count);
        foreach (var branch in scores.GroupBy(s => s.Features.BranchId))
        {
            (bool Flagged, List<FlagReason> Reasons) carried = (false, []);
            foreach (var s in branch.OrderBy(s => s.Features.MonthId, StringComparer.Ordinal))
            {
                var f = s.Features;
                var broken = breaches.TryGetValue((f.BranchId, f.MonthId), out var b) ? b : [];
                var topHalf = f.Peers >= 4 && f.RankAmongPeers > 0 && f.RankAmongPeers <= f.Peers / 2;
                (bool Flagged, List<FlagReason> Reasons) model;
                if (f.IsBreakMonth) model = (carried.Flagged && !topHalf, carried.Reasons);
                else
                {
                    var reasons = FlagReasons.From(f, s.Contributions.Where(c => unusual[f].Contains(FlagReasons.Topic(c.Feature))));
                    model = (s.Probability >= threshold && reasons.Count > 0 && !topHalf, reasons);
                }
                carried = model;
                var trained = trainedYears.Contains(f.Year);
                var ruleReasons = broken.Select(c => new FlagReason(c.Topic, c.Sentence)).ToList();
                var shown = ruleReasons.Concat(model.Flagged && !trained ? model.Reasons : []).DistinctBy(r => r.Topic).Take(4).ToList();
                flags.Add(new BranchFlag(f.BranchId, f.BranchName, f.CollegeId, f.MonthId, s.Probability, threshold, version, kind,
                    broken.Count > 0, model.Flagged, trained, f.IsBreakMonth, broken.Select(c => c.RuleId).ToList(), shown));
            }
        }
        return flags.OrderBy(f => f.MonthId, StringComparer.Ordinal).ThenBy(f => f.BranchId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The layers against a ground truth on the final year's last months (from September, or its last four).</summary>
    private static FlagComparison JudgeFinalYear(IReadOnlyList<BranchFlag> flags, Func<string, string, bool> truth, IReadOnlySet<int> trainedYears)
    {
        var last = Month.Parse(flags.Max(f => f.MonthId)!);
        var from = last.Number >= 9 ? new Month(last.Year, 9) : last.AddMonths(-3);
        var judged = flags.Where(f => Month.Parse(f.MonthId) >= from).ToList();
        return FlagComparison.Judge("ground truth", $"{from}…{last} ({judged.Select(f => f.BranchId).Distinct().Count()} branches)", judged,
            f => truth(f.BranchId, f.MonthId), modelJudged: !trainedYears.Contains(last.Year));
    }

    /// <summary>Creates (or empties) marts.branch_flags.</summary>
    public static void CreateFlagsTable(DuckDBConnection warehouse)
    {
        warehouse.Execute("create schema if not exists marts");
        warehouse.Execute($"""
            create or replace table {FlagsTable} (
                branch_id varchar not null, branch_name varchar not null, college_id varchar, month_id varchar not null,
                score double not null, threshold double not null, is_flagged boolean not null,
                model_version varchar not null, reasons varchar[], reason_topics varchar[],
                model_kind varchar not null, rule_flagged boolean not null, model_flagged boolean not null,
                is_trained_month boolean not null, is_break_month boolean not null, layers varchar[] not null, rule_ids varchar[] not null,
                primary key (branch_id, month_id))
            """);
    }

    private void Store(IReadOnlyList<BranchFlag> flags)
    {
        CreateFlagsTable(warehouse);
        using (var appender = warehouse.CreateAppender("marts", "branch_flags"))
            foreach (var f in flags)
            {
                var row = appender.CreateRow().AppendValue(f.BranchId).AppendValue(f.BranchName).AppendValue(f.CollegeId).AppendValue(f.MonthId)
                    .AppendValue((double)f.Score).AppendValue((double)f.Threshold).AppendValue(f.IsFlagged).AppendValue(f.ModelVersion);
                row = f.IsFlagged
                    ? row.AppendValue(f.Reasons.Select(x => x.Text).ToList()).AppendValue(f.Reasons.Select(x => x.Topic).ToList())
                    : row.AppendNullValue().AppendNullValue();
                row.AppendValue(f.ModelKind).AppendValue(f.RuleFlagged).AppendValue(f.ModelFlagged).AppendValue(f.IsTrainedMonth).AppendValue(f.IsBreakMonth)
                    .AppendValue(f.Layers.ToList()).AppendValue(f.RuleIds.ToList()).EndRow();
            }
        warehouse.Execute($"comment on table {FlagsTable} is 'one row per branch per month with members: the early warning''s rules and model, the combined flag (is_flagged), the model''s score and threshold, and for flagged branches the reasons in Chinese; is_trained_month: the supervised model learned from this month''s year, so only the rules flag it'");
        Alerts.AlertPlanner.PublishWarnings(warehouse);
    }
}
