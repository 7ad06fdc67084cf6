using System.Globalization;
using Analytics.Flags;
using Analytics.Service.Cli;
using Analytics.Service.Stages;

namespace Analytics.Service.Commands;

/// <summary>
/// <c>analytics flag [--truth FILE]</c>: the early warning (rules and model), every branch-month judged and stored,
/// warnings updated and alerts sent, the snapshot republished; prints the comparison of the layers and the latest
/// month's flagged branches with their reasons.
/// </summary>
public static class FlagCommand
{
    public static int Run(AnalyticsSettings settings, TimeProvider clock, TextWriter output, string? truthPath)
    {
        Print(new Pipeline(settings, clock).Flag(truthPath), output);
        return 0;
    }

    public static void Print(FlagStageRun run, TextWriter output)
    {
        var report = run.Report;
        output.WriteLine(report.ModelKind == Flagger.Supervised
            ? $"Model: supervised {report.ModelVersion} (regularised logistic regression) on {report.TrainRows} graded branch-months ({report.TrainMonths}), threshold {F(report.Threshold)}; saved to {report.ModelPath}"
            : $"Model: no year with 述职评议 grades and ledgers to learn from, so the peer model {report.ModelVersion}: a branch is unusual at {F(report.Threshold)} robust standard deviations below its peers");
        output.WriteLine("  phases: " + string.Join(", ", report.PhaseSeconds.Select(p => $"{p.Key} {p.Value.ToString("0.0", CultureInfo.InvariantCulture)} s")));
        output.WriteLine();
        output.Write(Comparison(report.Comparisons));

        var latest = report.LatestMonth;
        var flagged = report.Flags.Where(f => f.MonthId == latest).OrderByDescending(f => f.RuleIds.Count).ThenByDescending(f => f.Score).ToList();
        output.WriteLine();
        output.WriteLine($"Flagged in {latest}: {flagged.Count} branch(es)");
        foreach (var f in flagged)
        {
            output.WriteLine($"  {f.BranchId} {f.BranchName} ({string.Join(" + ", f.Layers)}; model score {F(f.Score)})");
            foreach (var reason in f.Reasons) output.WriteLine($"    - {reason}");
        }

        output.WriteLine();
        output.WriteLine($"Alerts: {run.Alerts.Count} sent (" + string.Join(", ", run.Alerts.GroupBy(a => a.Kind).Select(g => $"{g.Count()} {g.Key}")) + "); channels: " +
                         (run.Channels.Count == 0 ? "none configured" : string.Join(", ", run.Channels)));
        foreach (var failed in run.Deliveries.Where(d => !d.Succeeded))
            output.WriteLine($"  alert #{failed.AlertId} not delivered by {failed.Channel} after {failed.Attempts} attempts: {failed.LastError}");
        if (run.Deliveries.Count > 0)
            output.WriteLine($"  {run.Deliveries.Count(d => d.Succeeded)} of {run.Deliveries.Count} deliveries succeeded; every attempt is in ops.alert_deliveries; open warnings: analytics warnings");
        output.WriteLine();
        output.WriteLine($"Flags of {report.ScoredRows} branch-months in {Flagger.FlagsTable}; run #{report.RunId} in ops.flag_runs; snapshot republished to {run.SnapshotPath}");
    }

    /// <summary>Rules alone, the model alone and combined, against each truth the run could judge them on.</summary>
    public static string Comparison(IReadOnlyList<FlagComparison> comparisons)
    {
        if (comparisons.Count == 0) return "No comparison: no year with both 述职评议 grades and ledgers, and no ground truth given.\n";
        var table = new TextTable("judged against", "rows", "layer", "lagging", "flagged", "precision", "recall");
        foreach (var c in comparisons)
            foreach (var l in c.Layers)
                table.Add($"{c.Against}: {c.RowsJudged}", l.Rows, l.Layer, l.Positives, l.Flagged, F(l.Precision), F(l.Recall));
        var text = new System.Text.StringBuilder().Append(table);
        foreach (var c in comparisons.Where(c => c.Note is not null)) text.AppendLine($"  note: {c.Note}");
        return text.ToString();
    }

    private static string F(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
