using System.Diagnostics;

namespace Analytics.Tests.Support;

/// <summary>Runs the real <c>analytics</c> program in a child process, as an evaluator or cron would.</summary>
public static class CliProcess
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "analytics.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("analytics " + string.Join(" ", args) + " did not finish in 60 s.");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
