using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Service.Scheduling;

/// <summary>The record of every job run (ops.job_runs), and what it says about work not yet done.</summary>
public sealed class JobHistory(DuckDBConnection warehouse, TimeProvider clock)
{
    public int Start(string job, string trigger, string? period)
    {
        var id = (warehouse.Scalar<int?>("select max(run_id) from ops.job_runs") ?? 0) + 1;
        warehouse.Execute("insert into ops.job_runs values (?, ?, ?, ?, ?, null, 'running', null, null)", id, job, trigger, period, clock.GetUtcNow());
        return id;
    }

    public void Finish(int runId, string outcome, string? counts, string? error) =>
        warehouse.Execute("update ops.job_runs set finished_at = ?, outcome = ?, counts = ?, error = ? where run_id = ?",
            clock.GetUtcNow(), outcome, counts, error, runId);

    /// <summary>Whether a reports run for the month has succeeded.</summary>
    public bool ReportsDone(Month month) =>
        warehouse.Scalar<long>("select count(*) from ops.job_runs where job = 'reports' and period = ? and outcome = 'succeeded'", month.ToString()) > 0;

    /// <summary>Whether data was loaded after the last successful build (or there never was one).</summary>
    public bool BuildBehind() => warehouse.Scalar<bool>("""
        select coalesce((select max(started_at) from ops.job_runs where job = 'ingest' and outcome = 'succeeded' and counts like 'changed%'), '-infinity'::timestamptz)
             > coalesce((select max(started_at) from ops.job_runs where job = 'build' and outcome = 'succeeded'), '-infinity'::timestamptz)
        """);

    /// <summary>Runs left 'running' by a process that died: they did not finish.</summary>
    public int CloseAbandoned() =>
        warehouse.Execute("update ops.job_runs set outcome = 'failed', error = 'the service stopped before the run finished', finished_at = ? where outcome = 'running'", clock.GetUtcNow());
}
