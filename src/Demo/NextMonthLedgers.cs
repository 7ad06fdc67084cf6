using System.Globalization;
using System.Text;

namespace Analytics.Demo;

/// <summary>One more month of the demo university's ledgers, for the benchmarks and tests of incremental builds.</summary>
public static class NextMonthLedgers
{
    /// <summary>The last month's activities again, one month later, with their attendance: a plausible next month.</summary>
    public static (string Month, int Activities, int Attendance) Write(DemoUniversity u, string inbox)
    {
        var last = new DateOnly(u.LastDay.Year, u.LastDay.Month, 1);
        var activities = u.Activities.Where(a => a.HeldOn >= last).ToList();
        var ids = activities.ToDictionary(a => a.Id, a => a.Id + "N");
        var attendance = u.Attendance.Where(r => ids.ContainsKey(r.ActivityId)).ToList();
        var utf8 = new UTF8Encoding(false);
        File.WriteAllLines(Path.Combine(inbox, "next-month-activities.csv"),
            ["activity_id,unit_id,held_on,activity_type,participants,external_audience"], utf8);
        File.AppendAllLines(Path.Combine(inbox, "next-month-activities.csv"), activities.Select(a =>
            $"{ids[a.Id]},{a.UnitId},{a.HeldOn.AddMonths(1):yyyy-MM-dd},{string.Join("、", a.Types)},{a.Participants},{a.ExternalAudience}"), utf8);
        File.WriteAllLines(Path.Combine(inbox, "next-month-attendance.csv"),
            attendance.Select(r => $"{ids[r.ActivityId]},{r.MemberId},{r.Status}").Prepend("activity_id,member_id,status"), utf8);
        return (last.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture), activities.Count, attendance.Count);
    }
}
