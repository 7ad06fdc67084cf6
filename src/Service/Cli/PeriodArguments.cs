using System.Globalization;
using Analytics.Warehouse;

namespace Analytics.Service.Cli;

/// <summary>The command line's --month and --year, read into their types with a message that quotes what was typed.</summary>
public static class PeriodArguments
{
    public static Month Month(string text) =>
        Warehouse.Month.TryParse(text, out var month) ? month : throw new FormatException($"--month '{text}' is not a month in the form YYYY-MM.");

    public static int Year(string text) =>
        text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1
            ? year
            : throw new FormatException($"--year '{text}' is not a year in the form YYYY.");
}
