using System.Globalization;
using Analytics.Flags;
using Analytics.Service.Cli;
using Analytics.Service.Stages;

namespace Analytics.Service.Commands;

/// <summary>
/// <c>analytics flag [--truth FILE]</c>: trains the lagging-branch model, scores every branch-month, stores the flags,
/// republishes the snapshot and prints the latest month's flagged branches with their reasons.
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
        output.WriteLine($"Trained {report.ModelVersion} on {report.TrainRows} labelled branch-months ({report.TrainMonths}); saved to {report.ModelPath}");
        output.WriteLine("  phases: " + string.Join(", ", report.PhaseSeconds.Select(p => $"{p.Key} {p.Value.ToString("0.0", CultureInfo.InvariantCulture)} s")));

        var table = new TextTable("judged on", "rows", "lagging", "AUC", "precision", "recall", "baseline precision", "baseline recall");
        if (report.HeldOut is { } h)
            table.Add($"held-out months {report.HeldOutMonths} (述职评议 grades)", h.Rows, h.Positives, F(h.Auc), F(h.Precision), F(h.Recall), F(h.BaselinePrecision), F(h.BaselineRecall));
        if (run.Truth is { } e)
            table.Add($"months not trained on {run.TruthMonths} (ground truth)", e.Rows, e.Positives,
                F(e.Auc), F(e.Precision), F(e.Recall), F(e.BaselinePrecision), F(e.BaselineRecall));
        output.WriteLine();
        output.Write(table);
        output.WriteLine("Baseline: a branch in the bottom quartile of three-month participation among branches of its category.");

        var latest = report.Flags.Select(f => f.MonthId).DefaultIfEmpty("").Max(StringComparer.Ordinal);
        var flagged = report.Flags.Where(f => f.MonthId == latest).OrderByDescending(f => f.Score).ToList();
        output.WriteLine();
        output.WriteLine($"Flagged in {latest}: {flagged.Count} branch(es) (threshold {report.Flags.FirstOrDefault()?.Threshold.ToString("0.000", CultureInfo.InvariantCulture)})");
        foreach (var f in flagged)
        {
            output.WriteLine($"  {f.BranchId} {f.BranchName} (score {f.Score.ToString("0.000", CultureInfo.InvariantCulture)})");
            foreach (var reason in f.Reasons) output.WriteLine($"    - {reason}");
        }

        output.WriteLine();
        output.WriteLine($"Alerts: {run.Alerts.Count} new (a flag that persists alerts only for new reasons); channels: " +
                         (run.Channels.Count == 0 ? "none configured" : string.Join(", ", run.Channels)));
        foreach (var failed in run.Deliveries.Where(d => !d.Succeeded))
            output.WriteLine($"  alert #{failed.AlertId} not delivered by {failed.Channel} after {failed.Attempts} attempts: {failed.LastError}");
        if (run.Deliveries.Count > 0)
            output.WriteLine($"  {run.Deliveries.Count(d => d.Succeeded)} of {run.Deliveries.Count} deliveries succeeded; every attempt is in ops.alert_deliveries");
        output.WriteLine();
        output.WriteLine($"Flags of {report.ScoredRows} branch-months in {Flagger.FlagsTable}; run #{report.RunId} in ops.flag_runs; snapshot republished to {run.SnapshotPath}");
    }

    private static string F(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
