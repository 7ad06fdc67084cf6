using System.Diagnostics;
using System.Globalization;

namespace Analytics.Warehouse;

/// <summary>
/// With ANALYTICS_TRACE_SQL=1 every statement run through <see cref="SqlExtensions"/> is written to standard error with
/// its seconds: how an operator (or a benchmark) sees where an ingest or a build spends its time.
/// </summary>
public static class SqlTrace
{
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("ANALYTICS_TRACE_SQL") is "1" or "full";

    /// <summary>With ANALYTICS_TRACE_SQL=full each statement is written whole, not cut at one line.</summary>
    private static readonly bool Whole = Environment.GetEnvironmentVariable("ANALYTICS_TRACE_SQL") == "full";

    public static void Write(string sql, long startedTimestamp)
    {
        var seconds = Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds;
        var oneLine = string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[sql {seconds,7:0.000} s] {(Whole || oneLine.Length <= 160 ? oneLine : oneLine[..160] + " …")}"));
    }
}
