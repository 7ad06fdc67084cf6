using Analytics.Ingest.Loading;
using Analytics.Service.Commands;
using Analytics.Warehouse;

namespace Analytics.Service.Scheduling;

/// <summary>The pipeline's stages as the service runs them, writing what they do to the service's log as the commands print it.</summary>
public sealed class CommandStages(AnalyticsSettings settings, TimeProvider clock, TextWriter log) : IPipelineStages
{
    public (bool Changed, string Counts) Ingest(CancellationToken cancellation)
    {
        var outcomes = IngestCommand.Ingest(settings, clock, log, cancellation);
        var loaded = outcomes.Count(o => o.Status == FileStatus.Loaded);
        return (loaded > 0, $"{outcomes.Count} files, {loaded} loaded, {outcomes.Sum(o => o.RowsLoaded)} rows loaded, {outcomes.Sum(o => o.RowsQuarantined)} quarantined, {outcomes.Count(o => o.Status == FileStatus.Rejected)} rejected");
    }

    public string Build(CancellationToken cancellation)
    {
        var (build, flags) = new Stages.Pipeline(settings, clock).Refresh(ModelCommand.Built(log));
        ModelCommand.Print(build, log);
        FlagCommand.Print(flags, log);
        return $"{build.Result.Models.Count} models built, snapshot published, {flags.Report.Flags.Count} branch-months flagged, {flags.Alerts.Count} alerts";
    }

    public string Reports(Month month, CancellationToken cancellation)
    {
        var reports = ReportCommand.Run(settings, clock, log, month, null, quiet: true);
        return $"{reports.Count} PDFs, {reports.Sum(r => r.Pages)} pages";
    }
}
