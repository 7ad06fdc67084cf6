using System.Globalization;
using Analytics.Flags;
using Analytics.Flags.Alerts;
using Analytics.Ingest.Warehouse;
using Analytics.Model;
using Analytics.Service.Cli;

namespace Analytics.Service.Commands;

/// <summary>
/// <c>analytics flag [--truth FILE]</c>: trains the lagging-branch model, scores every branch-month, stores the flags,
/// republishes the snapshot and prints the latest month's flagged branches with their reasons.
/// </summary>
public static class FlagCommand
{
    public static int Run(AnalyticsSettings settings, TimeProvider clock, TextWriter output, string? truthPath)
    {
        using var connection = WarehouseDatabase.Open(settings.Warehouse, clock, settings.MemoryLimit);
        var modelsDir = Path.Combine(settings.DataDir, "models");
        var report = new Flagger(connection, settings.Queries, modelsDir, clock).Run();
        output.WriteLine($"Trained {report.ModelVersion} on {report.TrainRows} labelled branch-months ({report.TrainMonths}); saved to {report.ModelPath}");
        output.WriteLine("  phases: " + string.Join(", ", report.PhaseSeconds.Select(p => $"{p.Key} {p.Value.ToString("0.0", CultureInfo.InvariantCulture)} s")));

        var table = new TextTable("judged on", "rows", "lagging", "AUC", "precision", "recall", "baseline precision", "baseline recall");
        if (report.HeldOut is { } h)
            table.Add($"held-out months {report.HeldOutMonths} (述职评议 grades)", h.Rows, h.Positives, F(h.Auc), F(h.Precision), F(h.Recall), F(h.BaselinePrecision), F(h.BaselineRecall));
        if (truthPath is not null)
        {
            var truth = GroundTruth.Load(truthPath);
            var unseen = report.Unseen;
            if (unseen.Count > 0)
            {
                var e = report.Model.Evaluate(unseen, truth.Lags);
                table.Add($"months not trained on {unseen.Min(r => r.MonthId)}…{unseen.Max(r => r.MonthId)} (ground truth)", e.Rows, e.Positives,
                    F(e.Auc), F(e.Precision), F(e.Recall), F(e.BaselinePrecision), F(e.BaselineRecall));
            }
        }
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
        SendAlerts(connection, settings, clock, output);
        SnapshotPublisher.Publish(connection, settings.Snapshot);
        output.WriteLine();
        output.WriteLine($"Flags of {report.ScoredRows} branch-months in {Flagger.FlagsTable}; run #{report.RunId} in ops.flag_runs; snapshot republished to {Path.GetFullPath(settings.Snapshot)}");
        return 0;
    }

    /// <summary>New flags become alerts and go out over every configured channel; failures are reported, not fatal.</summary>
    private static void SendAlerts(DuckDB.NET.Data.DuckDBConnection connection, AnalyticsSettings settings, TimeProvider clock, TextWriter output)
    {
        var alerts = new AlertPlanner(connection, clock).Plan();
        using var http = new HttpClient();
        var channels = AlertDispatcher.Channels(settings.Alerts, http);
        output.WriteLine();
        output.WriteLine($"Alerts: {alerts.Count} new (a flag that persists alerts only for new reasons); channels: " +
                         (channels.Count == 0 ? "none configured" : string.Join(", ", channels.Select(Describe))));
        var deliveries = new AlertDispatcher(connection, channels, settings.Alerts, clock).DeliverAsync(alerts).GetAwaiter().GetResult();
        foreach (var failed in deliveries.Where(d => !d.Succeeded))
            output.WriteLine($"  alert #{failed.AlertId} not delivered by {failed.Channel} after {failed.Attempts} attempts: {failed.LastError}");
        if (deliveries.Count > 0)
            output.WriteLine($"  {deliveries.Count(d => d.Succeeded)} of {deliveries.Count} deliveries succeeded; every attempt is in ops.alert_deliveries");

        // Where alerts go, without secrets: no password, no URL query (robot keys live there).
        string Describe(IAlertChannel c) => c switch
        {
            FileChannel => $"file {Path.GetFullPath(settings.Alerts.FilePath!)}",
            WebhookChannel => $"{c.Name} {new Uri(settings.Alerts.Webhook.Url!).GetLeftPart(UriPartial.Path)}",
            EmailChannel => $"email via {settings.Alerts.Email.Host}:{settings.Alerts.Email.Port} to {settings.Alerts.Email.To.Length} recipient(s)",
            _ => c.Name,
        };
    }

    private static string F(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
