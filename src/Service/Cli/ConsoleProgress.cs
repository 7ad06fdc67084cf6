using Analytics.Ingest.Loading;

namespace Analytics.Service.Cli;

/// <summary>
/// Shows ingest progress: a bar redrawn in place on a terminal, one line per step when output is redirected
/// (logs stay readable in CI and cron mail).
/// </summary>
public sealed class ConsoleProgress(TextWriter output) : IProgress<IngestProgress>
{
    private readonly bool _interactive = !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private int _width;
    private int _lastFile;

    public void Report(IngestProgress value)
    {
        const int barWidth = 24;
        var done = (int)Math.Round(barWidth * (value.FileIndex - 1) / (double)Math.Max(1, value.FileCount));
        var line = $"[{new string('#', done)}{new string('.', barWidth - done)}] {value.FileIndex}/{value.FileCount} " +
                   $"{value.FileName}: {value.Phase} ({_clock.Elapsed.TotalSeconds:0.0} s)";
        if (_interactive)
        {
            output.Write("\r" + line.PadRight(_width));
            _width = Math.Max(_width, line.Length);
        }
        else if (value.FileIndex != _lastFile)
        {
            // Redirected output gets one line per file, not one per phase.
            output.WriteLine(line);
            _lastFile = value.FileIndex;
        }
    }

    /// <summary>Ends the in-place line so what follows starts on a fresh one.</summary>
    public void Finish()
    {
        if (_interactive && _width > 0) output.WriteLine();
    }
}
