using System.Diagnostics;

namespace Analytics.Tests.Support;

/// <summary>Runs a command-line tool the tests use (pdftotext, pdffonts, qpdf, node, npm) and returns what it printed.</summary>
public static class Tool
{
    public static string Run(string tool, params string[] args) => Run(tool, null, CliProcess.HangLimit, check: false, args);

    /// <param name="check">Throw, with what the tool said on stderr, when it exits with a failure.</param>
    public static string Run(string tool, string? workingDirectory, TimeSpan timeout, bool check, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', args)} took over {timeout}");
        }
        if (check && process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({process.ExitCode}): {error.Result}");
        return check ? output.Result : output.Result + error.Result;
    }
}
