using System.Globalization;

namespace Analytics.Reports.Writing;

/// <summary>How figures read in the reports: shares as percentages, scores with one decimal, counts grouped.</summary>
public static class Format
{
    /// <summary>A figure as read from a query (any numeric type), or null.</summary>
    public static double? Number(object? value) => value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture);

    public static string Percent(object? share) => Number(share) is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
    public static string Score(object? score) => Number(score) is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "—";
    public static string Count(object? count) => Number(count) is { } v ? v.ToString("#,0", CultureInfo.InvariantCulture) : "—";
    public static string Text(object? value) => value?.ToString() ?? "—";

    /// <summary>The change of a share in percentage points, or of a score in points, signed.</summary>
    public static string Change(object? now, object? before, bool share)
    {
        if (Number(now) is not { } a || Number(before) is not { } b) return "—";
        var delta = (a - b) * (share ? 100 : 1);
        return (delta >= 0 ? "+" : "") + delta.ToString("0.0", CultureInfo.InvariantCulture) + (share ? " 个百分点" : "");
    }

    public static string Month(string monthId) =>
        $"{int.Parse(monthId[..4], CultureInfo.InvariantCulture)}年{int.Parse(monthId[5..], CultureInfo.InvariantCulture)}月";
}
