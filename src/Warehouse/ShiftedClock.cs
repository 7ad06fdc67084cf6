namespace Analytics.Warehouse;

/// <summary>
/// A clock that runs in real time but on another calendar day: what the demo uses for <c>--as-of</c>, so that
/// "today" (future-date checks, archive folders, freshness) is the export day the ledgers were generated for.
/// </summary>
public sealed class ShiftedClock(TimeProvider inner, TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + offset;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    /// <summary>The same time of day as <paramref name="inner"/>, on <paramref name="day"/> in Asia/Shanghai.</summary>
    public static TimeProvider OnDay(TimeProvider inner, DateOnly day) =>
        day == BusinessClock.Today(inner) ? inner : new ShiftedClock(inner, TimeSpan.FromDays(day.DayNumber - BusinessClock.Today(inner).DayNumber));
}
