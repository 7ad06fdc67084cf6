using System.Diagnostics;

namespace Analytics.Tests.Support;

/// <summary>Runs the real <c>analytics</c> program in a child process, as an evaluator or cron would.</summary>
public static class CliProcess
{
    /// <summary>A hang detector, not a speed test: generous enough for a loaded 2-core machine running the suite.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(5);

    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangLimit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("analytics " + string.Join(" ", args) + $" did not finish in {HangLimit.TotalMinutes} min.");
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Starts the program; its output is redirected (read it, or it may block on a full pipe).</summary>
    public static Process Start(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "analytics.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet analytics.dll");
    }

    /// <summary>
    /// Runs the program and SIGKILLs it (with its children) after <paramref name="delay"/> unless it ended first.
    /// Returns true when the kill landed while it was still running.
    /// </summary>
    public static bool RunAndKill(IEnumerable<string> args, TimeSpan delay)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (process.WaitForExit(delay)) return false;
        process.Kill(entireProcessTree: true); // SIGKILL on Linux: no finally blocks, no flush, no DuckDB shutdown
        process.WaitForExit();
        _ = (output, error);
        return true;
    }
}
