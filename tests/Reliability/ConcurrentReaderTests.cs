using System.Diagnostics;
using Analytics.Demo;
using Analytics.Tests.Support;
using DuckDB.NET.Data;
using Xunit.Abstractions;

namespace Analytics.Tests.Reliability;

/// <summary>
/// Evaluators query the published snapshot (each query a separate `analytics sql` process, as they would run it)
/// in a loop while the scheduled service (`analytics run`, a child process) ingests new ledgers, rebuilds and
/// publishes several times. No query may fail, and every answer must be one whole published build: its months
/// complete, its colleges adding up to the school, never a month going backwards.
/// </summary>
public class ConcurrentReaderTests(ITestOutputHelper log)
{
    // One row per query: the school's activities (each publish adds some), branch rows, branch rows of the last month,
    // metrics described, and whether the colleges' active members add up to the school's in the last month.
    private const string Probe = """
        with last as (select max(month_id) as m from marts.school_month)
        select
            (select sum(n_activities)::bigint from marts.school_month) as activities,
            (select count(*) from marts.branch_month) as branch_rows,
            (select count(*) from marts.branch_month where month_id = (select m from last)) as last_rows,
            (select count(*) from marts.metric_catalogue) as metrics,
            (select sum(n_active_members) from marts.college_month where month_id = (select m from last))
                = (select n_active_members from marts.school_month where month_id = (select m from last)) as adds_up
        """;

    [Fact]
    public async Task ReadersInOtherProcesses_NeverFailNorSeeAHalfBuiltSnapshot_WhileTheServicePublishes()
    {
        var root = Directory.CreateTempSubdirectory("kfr-readers-").FullName;
        Process? service = null;
        try
        {
            var data = Path.Combine(root, "data");
            var inbox = Path.Combine(data, "inbox");
            var firstExport = new DateOnly(2025, 4, 1);
            DemoGenerator.Generate(data, firstExport);
            Run("ingest");
            Run("model");

            service = CliProcess.Start(["--data-dir", data, "run"], new Dictionary<string, string>
            {
                ["Analytics__Schedule__IngestCron"] = "0/2 * * * * ?",       // every 2 seconds
                ["Analytics__Schedule__ReportCron"] = "0 0 8 1 1 ? 2099",     // not during the test
            });
            var serviceLog = new System.Text.StringBuilder();
            service.OutputDataReceived += (_, e) => { lock (serviceLog) serviceLog.AppendLine(e.Data); };
            service.ErrorDataReceived += (_, e) => { lock (serviceLog) serviceLog.AppendLine("stderr: " + e.Data); };
            service.BeginOutputReadLine();
            service.BeginErrorReadLine();
            string ServiceLog() { lock (serviceLog) return serviceLog.ToString(); }

            var observations = new List<(int Reader, int Seq, string Line)>();
            var failures = new List<string>();
            using var stop = new CancellationTokenSource();
            var readers = Enumerable.Range(0, 2).Select(reader => Task.Run(() =>
            {
                for (var seq = 0; !stop.IsCancellationRequested; seq++)
                {
                    var (code, output, error) = CliProcess.Run("--data-dir", data, "sql", Probe, "--format", "csv");
                    var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).FirstOrDefault();
                    lock (observations)
                        if (code != 0 || line is null) failures.Add($"reader {reader} query {seq}: exit {code}: {error.Trim()}");
                        else observations.Add((reader, seq, line));
                }
            })).ToArray();

            // Three more activity ledgers arrive, one after the other, each once the previous one is published.
            var activities = new List<long> { SnapshotActivities(data) };
            for (var k = 1; k <= 3; k++)
            {
                var rows = Enumerable.Range(1, 10 * k).Select(i => $"CR{k}-{i:D3},B0101,2025-03-{i % 28 + 1:D2},主题党日,并发测试{k},5");
                // Written under a temporary name and renamed, as a careful uploader does.
                var temp = Path.Combine(inbox, $"追加活动_{k}.csv.part");
                File.WriteAllText(temp, "活动编号,组织编号,活动日期,活动类型,活动名称,参与人数\n" + string.Join("\n", rows) + "\n");
                File.Move(temp, Path.Combine(inbox, $"追加活动_{k}.csv"));
                activities.Add(activities[^1] + 10 * k);
                WaitFor(() => SnapshotActivities(data) == activities[^1], CliProcess.HangLimit, $"the service to publish {activities[^1]} activities", ServiceLog);
            }
            Thread.Sleep(1500); // a few more reads of the last build
            stop.Cancel();
            await Task.WhenAll(readers);

            log.WriteLine($"{observations.Count} reads by 2 reader processes, {failures.Count} failed; activity totals published: {string.Join(", ", activities)}");
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));

            var branchRows = BranchRows(data);
            var states = new HashSet<long>();
            foreach (var (reader, seq, line) in observations)
            {
                var f = line.Split(',');
                var (total, rows, lastRows, metrics, addsUp) = (long.Parse(f[0]), long.Parse(f[1]), long.Parse(f[2]), long.Parse(f[3]), f[4]);
                var where = $"reader {reader} query {seq}: {line}";
                Assert.True(activities.Contains(total), $"{where}: {total} activities is not a published build");
                Assert.True(rows == branchRows && lastRows > 0, $"{where}: branch months incomplete (expected {branchRows} rows)");
                Assert.True(metrics > 20, $"{where}: metric catalogue incomplete");
                Assert.True(addsUp == "true", $"{where}: colleges do not add up to the school");
                states.Add(total);
            }
            foreach (var reader in observations.GroupBy(o => o.Reader))
            {
                var seen = reader.OrderBy(o => o.Seq).Select(o => long.Parse(o.Line.Split(',')[0])).ToList();
                Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First <= p.Second), $"reader {reader.Key} went back to an older build: {string.Join(" ", seen)}");
            }
            Assert.True(states.Count >= 3, $"the readers saw only {states.Count} published builds ({string.Join(", ", states)}); they did not overlap the publishing");

            Stop(service);
            Assert.Equal(0, service.ExitCode);
            Assert.DoesNotContain("Unhandled", ServiceLog());
        }
        finally
        {
            if (service is { HasExited: false }) service.Kill(entireProcessTree: true);
            service?.Dispose();
            Directory.Delete(root, recursive: true);
        }

        void Run(params string[] args)
        {
            var (code, output, error) = CliProcess.Run(["--data-dir", Path.Combine(root, "data"), .. args]);
            Assert.True(code == 0, $"analytics {string.Join(' ', args)} failed: {error}\n{output}");
        }
    }

    private static long SnapshotActivities(string data) => SnapshotScalar(data, "select sum(n_activities)::bigint from marts.school_month");

    private static long BranchRows(string data) => SnapshotScalar(data, "select count(*) from marts.branch_month");

    private static long SnapshotScalar(string data, string sql)
    {
        using var db = new DuckDBConnection($"Data Source={Path.Combine(data, "snapshot.duckdb")};ACCESS_MODE=READ_ONLY");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    private static void WaitFor(Func<bool> condition, TimeSpan timeout, string what, Func<string> log)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var text = log();
                throw new TimeoutException($"gave up waiting for {what} after {timeout.TotalSeconds} s; the service said:\n{(text.Length > 6000 ? text[^6000..] : text)}");
            }
            Thread.Sleep(250);
        }
    }

    /// <summary>SIGTERM, as systemd stops the service; it finishes the running job and exits.</summary>
    private static void Stop(Process service)
    {
        using (var kill = Process.Start("kill", ["-TERM", service.Id.ToString()])) kill.WaitForExit();
        if (!service.WaitForExit(CliProcess.HangLimit)) throw new TimeoutException($"the service did not stop within {CliProcess.HangLimit.TotalMinutes} min of SIGTERM");
    }
}
