using Quartz;

namespace Analytics.Service.Scheduling;

/// <summary>Ingests the inbox and rebuilds when data changed. Thin: the pipeline service does the work.</summary>
[DisallowConcurrentExecution]
public sealed class IngestJob(PipelineService pipeline) : IJob
{
    public static readonly JobKey Key = new("ingest", "pipeline");

    /// <summary>What fired the run, when not the schedule ("watcher": a file landed in the inbox).</summary>
    public const string TriggerKey = "trigger";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        pipeline.IngestCycle(context.MergedJobDataMap.GetString(TriggerKey) ?? "schedule", cancellationToken);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Renders the reports of the month before the one the trigger fired in (Asia/Shanghai).</summary>
[DisallowConcurrentExecution]
public sealed class ReportJob(PipelineService pipeline) : IJob
{
    public static readonly JobKey Key = new("reports", "pipeline");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        pipeline.Reports(PipelineService.DueReportMonth(context.ScheduledFireTimeUtc ?? context.FireTimeUtc), "schedule", cancellationToken);
        return ValueTask.CompletedTask;
    }
}
