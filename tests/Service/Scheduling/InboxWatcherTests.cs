using System.Diagnostics;
using System.Text;
using Analytics.Service.Stages;
using Analytics.Tests.Support;
using Analytics.Warehouse;

namespace Analytics.Tests.Service.Scheduling;

/// <summary>
/// The service reads a ledger soon after it lands, not at the next quarter-hour: what waits at start is ingested at
/// start, a file copied in while it runs is picked up by the watcher once it stops changing. The schedule is set far
/// away, so only the start and the watcher can have read the files.
/// </summary>
public class InboxWatcherTests
{
    [Fact]
    public void FileWaitingAtStart_AndFileCopiedInLater_AreIngestedWithoutWaitingForTheSchedule()
    {
        var data = Directory.CreateTempSubdirectory("kfr-watch-").FullName;
        var inbox = Path.Combine(data, "inbox");
        Directory.CreateDirectory(inbox);
        Process? service = null;
        var log = new StringBuilder();
        try
        {
            File.WriteAllText(Path.Combine(inbox, "o.csv"), Ledgers.OrgUnits);
            // Written a while ago: the start must not take it for a copy still under way (that case is the next test).
            File.SetLastWriteTimeUtc(Path.Combine(inbox, "o.csv"), DateTime.UtcNow.AddMinutes(-5));
            service = StartService(data, log);
            string Log() { lock (log) return log.ToString(); }

            Assert.True(WaitUntil(() => !File.Exists(Path.Combine(inbox, "o.csv")), TimeSpan.FromSeconds(120)), "o.csv was not ingested at start:\n" + Log());
            Assert.True(WaitUntil(() => Log().Contains("Watching ", StringComparison.Ordinal), TimeSpan.FromSeconds(180)), Log());

            // A copy that takes a while: half the file, a pause, the rest. It must not be read half-way.
            var members = Path.Combine(inbox, "m.csv");
            var text = Ledgers.Members.ReplaceLineEndings("\n") + "\n";
            File.WriteAllText(members, text[..(text.Length / 2)]);
            Thread.Sleep(400);
            File.AppendAllText(members, text[(text.Length / 2)..]);

            Assert.True(WaitUntil(() => !File.Exists(members), TimeSpan.FromSeconds(60)), "m.csv was not picked up by the watcher:\n" + Log());
            // SIGTERM, as a service manager stops it: the running job finishes and is recorded first.
            Process.Start("kill", ["-TERM", service.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            Assert.True(service.WaitForExit(TimeSpan.FromMinutes(2)), "the service did not stop on SIGTERM:\n" + Log());

            using var connection = WarehouseSchema.Open(Path.Combine(data, "warehouse.duckdb"), TimeProvider.System);
            Assert.Equal(["catch-up", "watcher"], connection.Query(
                "select distinct trigger from ops.job_runs where job = 'ingest' and counts like '%1 loaded%' order by 1", r => r.GetString(0)));
            // The whole file, once: three members, nothing quarantined.
            Assert.Equal((3L, 0L), connection.Query("select rows_loaded, rows_quarantined from ops.ingested_files where file_name = 'm.csv'",
                r => (r.GetInt64(0), r.GetInt64(1))).Single());
        }
        finally
        {
            if (service is { HasExited: false }) service.Kill(entireProcessTree: true);
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void FileStillArrivingAtStart_IsIngestedOnceItSettles_WithoutAnotherEvent()
    {
        var data = Directory.CreateTempSubdirectory("kfr-watch-").FullName;
        var inbox = Path.Combine(data, "inbox");
        Directory.CreateDirectory(inbox);
        var orgUnits = Path.Combine(inbox, "o.csv");
        Process? service = null;
        var log = new StringBuilder();
        try
        {
            File.WriteAllText(orgUnits, Ledgers.OrgUnits);
            service = StartService(data, log);
            string Log() { lock (log) return log.ToString(); }

            // The copy goes on (its time moves) until the start's catch-up has looked at it and left it.
            Assert.True(WaitUntil(() =>
            {
                if (Log().Contains("Catch-up:", StringComparison.Ordinal)) return true;
                File.SetLastWriteTimeUtc(orgUnits, DateTime.UtcNow);
                return false;
            }, TimeSpan.FromSeconds(120)), Log());
            Assert.Contains("o.csv: still being written", Log());

            Assert.True(WaitUntil(() => !File.Exists(orgUnits), TimeSpan.FromSeconds(60)), "o.csv was left until the schedule:\n" + Log());
            Process.Start("kill", ["-TERM", service.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            Assert.True(service.WaitForExit(TimeSpan.FromMinutes(2)), "the service did not stop on SIGTERM:\n" + Log());
            using var connection = WarehouseSchema.Open(Path.Combine(data, "warehouse.duckdb"), TimeProvider.System);
            Assert.Equal(["watcher"], connection.Query(
                "select distinct trigger from ops.job_runs where job = 'ingest' and counts like '%1 loaded%' order by 1", r => r.GetString(0)));
        }
        finally
        {
            if (service is { HasExited: false }) service.Kill(entireProcessTree: true);
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The service on <paramref name="data"/>, its schedule far away (only the start and the watcher read
    /// files) and a settle time of 1 s, its output collected in <paramref name="log"/>.</summary>
    private static Process StartService(string data, StringBuilder log)
    {
        var service = CliProcess.Start(["--data-dir", data, "run"], new Dictionary<string, string>
        {
            ["Analytics__Schedule__IngestCron"] = "0 0 8 1 1 ? 2099",   // not during the test
            ["Analytics__Schedule__ReportCron"] = "0 0 8 1 1 ? 2099",
            ["Analytics__Schedule__SettleSeconds"] = "1",
        });
        service.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        service.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine("stderr: " + e.Data); };
        service.BeginOutputReadLine();
        service.BeginErrorReadLine();
        return service;
    }

    private static bool WaitUntil(Func<bool> condition, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (condition()) return true;
            Thread.Sleep(200);
        }
        return condition();
    }
}
