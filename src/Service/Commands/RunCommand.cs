using Analytics.Warehouse;
using Analytics.Service.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Analytics.Service.Commands;

/// <summary>
/// <c>analytics run</c>: the scheduled service. Quartz.NET in the .NET Generic Host fires the jobs (Asia/Shanghai time);
/// at start it catches up on what was missed; on Ctrl+C or SIGTERM it waits for the running job to finish.
/// </summary>
public static class RunCommand
{
    public static int Run(AnalyticsSettings settings, TimeProvider clock, TextWriter output)
    {
        // The service reads the inbox while people copy files into it: a file must stand still for a moment first.
        settings.IngestSettleTime = TimeSpan.FromSeconds(settings.Schedule.SettleSeconds);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.AddFilter("Quartz", LogLevel.Warning); // the scheduler's start-up chatter is not news
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<IPipelineStages>(new CommandStages(settings, clock, output));
        builder.Services.AddSingleton<PipelineService>();
        builder.Services.AddQuartz(q =>
        {
            q.AddJob<IngestJob>(j => j.WithIdentity(IngestJob.Key).WithDescription("Ingest the inbox; rebuild models, flags and alerts when data changed"));
            q.AddTrigger(t => t.ForJob(IngestJob.Key).WithIdentity("ingest-schedule", "pipeline")
                .WithDescription($"cron {settings.Schedule.IngestCron}, Asia/Shanghai")
                .WithCronSchedule(settings.Schedule.IngestCron, c => c.InTimeZone(BusinessClock.Zone)));
            q.AddJob<ReportJob>(j => j.WithIdentity(ReportJob.Key).WithDescription("Render last month's assessment PDFs"));
            q.AddTrigger(t => t.ForJob(ReportJob.Key).WithIdentity("reports-schedule", "pipeline")
                .WithDescription($"cron {settings.Schedule.ReportCron}, Asia/Shanghai")
                .WithCronSchedule(settings.Schedule.ReportCron, c => c.InTimeZone(BusinessClock.Zone)));
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddHostedService(sp => new CatchUpAtStart(sp.GetRequiredService<PipelineService>(), output));
        builder.Services.AddHostedService(sp => new InboxWatcher(settings, sp.GetRequiredService<ISchedulerFactory>(), output));
        output.WriteLine($"analytics run: warehouse {Path.GetFullPath(settings.Warehouse)}, inbox {Path.GetFullPath(settings.Ingest.InboxDir)}");
        output.WriteLine($"  ingest: when a file lands in the inbox (after {settings.Schedule.SettleSeconds} s without change) and {settings.Schedule.IngestCron}; reports: {settings.Schedule.ReportCron} (Asia/Shanghai). Ctrl+C stops after the running job.");
        builder.Build().Run();
        return 0;
    }

    /// <summary>Runs the catch-up once, before the schedule takes over.</summary>
    private sealed class CatchUpAtStart(PipelineService pipeline, TextWriter output) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var done = pipeline.CatchUp(cancellationToken);
            output.WriteLine(done.Count == 0 ? "Catch-up: nothing was missed." : "Catch-up: ran " + string.Join(", ", done));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
