using System.Globalization;

namespace Analytics.Warehouse;

/// <summary>
/// A calendar month of the programme. Its text form is the marts' <c>month_id</c> ("2026-03"); everything that names a
/// month (a report's period, the service's due month, a command's --month) carries this type rather than a string.
/// </summary>
public readonly record struct Month : IComparable<Month>
{
    public Month(int year, int number)
    {
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "A year is 1…9999.");
        if (number is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(number), number, "A month is 1…12.");
        Year = year;
        Number = number;
    }

    public int Year { get; }

    /// <summary>1 for January … 12 for December.</summary>
    public int Number { get; }

    public DateOnly FirstDay => new(Year, Number, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public static Month Of(DateOnly day) => new(day.Year, day.Month);

    public Month AddMonths(int months)
    {
        var index = Year * 12 + (Number - 1) + months;
        return new Month(index / 12, index % 12 + 1);
    }

    public Month Next() => AddMonths(1);

    public Month Previous() => AddMonths(-1);

    /// <summary>Reads "yyyy-MM"; anything else is a <see cref="FormatException"/> that quotes the text.</summary>
    public static Month Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException($"'{text}' is not a month in the form YYYY-MM (for example 2026-03).");

    public static bool TryParse(string? text, out Month month)
    {
        month = default;
        if (text is null || !DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return false;
        month = Of(day);
        return true;
    }

    public int CompareTo(Month other) => (Year, Number).CompareTo((other.Year, other.Number));

    public static bool operator <(Month a, Month b) => a.CompareTo(b) < 0;
    public static bool operator >(Month a, Month b) => a.CompareTo(b) > 0;
    public static bool operator <=(Month a, Month b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Month a, Month b) => a.CompareTo(b) >= 0;

    /// <summary>The marts' month_id: "2026-03".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}");
}
