using System.Diagnostics;

namespace Analytics.Tests.Support;

/// <summary>Runs a command-line tool the tests read results with (pdftotext, pdffonts, qpdf) and returns what it printed.</summary>
public static class Tool
{
    public static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd() + error.Result;
        process.WaitForExit();
        return output;
    }
}
