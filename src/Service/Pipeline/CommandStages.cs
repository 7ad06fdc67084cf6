using Analytics.Ingest.Loading;
using Analytics.Service.Commands;

namespace Analytics.Service.Pipeline;

/// <summary>The pipeline's stages as the commands run them, writing what they do to the service's log.</summary>
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
        ModelCommand.Run(settings, clock, log);
        FlagCommand.Run(settings, clock, log, truthPath: null);
        return "models built, snapshot published, branches flagged, alerts sent";
    }

    public string Reports(string month, CancellationToken cancellation)
    {
        var reports = ReportCommand.Run(settings, clock, log, month, null, quiet: true);
        return $"{reports.Count} PDFs, {reports.Sum(r => r.Pages)} pages";
    }
}
