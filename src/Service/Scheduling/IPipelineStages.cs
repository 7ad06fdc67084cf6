using Analytics.Warehouse;

namespace Analytics.Service.Scheduling;

/// <summary>The stages the scheduled service runs. Each returns a short summary of what it did, for the job history.</summary>
public interface IPipelineStages
{
    /// <summary>Ingests the inbox; <c>Changed</c> when any file was loaded.</summary>
    (bool Changed, string Counts) Ingest(CancellationToken cancellation);

    /// <summary>Builds the models, publishes the snapshot, flags and alerts.</summary>
    string Build(CancellationToken cancellation);

    /// <summary>Renders the month's assessment PDFs.</summary>
    string Reports(Month month, CancellationToken cancellation);
}
