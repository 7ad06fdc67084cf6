namespace Analytics.Flags.Alerts;

/// <summary>One month of one branch as the warnings see it.</summary>
public sealed record FlaggedMonth(string BranchId, string? CollegeId, string MonthId, bool IsFlagged, bool IsBreakMonth,
    IReadOnlyList<string> Layers, IReadOnlyList<string> Topics, IReadOnlyList<string> Reasons);

/// <summary>
/// A warning (预警): opened the first month a branch is flagged, kept while it stays flagged, escalated to the college
/// once it has been flagged for <see cref="AlertOptions.EscalateAfterMonths"/> months, and closed (销号) once the branch
/// has not met the condition for <see cref="AlertOptions.CloseAfterMonths"/> teaching months in a row.
/// </summary>
public sealed record Warning(string BranchId, string? CollegeId, string OpenedMonth)
{
    public string WarningId => $"{BranchId}:{OpenedMonth}";
    public string LastFlaggedMonth { get; set; } = OpenedMonth;
    public int MonthsFlagged { get; set; } = 1;
    public string? EscalatedMonth { get; set; }
    public string? ClosedMonth { get; set; }
    public bool IsOpen => ClosedMonth is null;
    public IReadOnlyList<string> Layers { get; set; } = [];
    public IReadOnlyList<string> Topics { get; set; } = [];
    public IReadOnlyList<string> Reasons { get; set; } = [];
}

/// <summary>Something that happened to a warning in a month: open, reminder (still flagged), escalate, close.</summary>
public sealed record WarningEvent(Warning Warning, string MonthId, string Kind)
{
    public const string Open = "open";
    public const string Reminder = "reminder";
    public const string Escalate = "escalate";
    public const string Close = "close";
}

/// <summary>
/// Derives every warning and its events from the flags' history, month by month: the same flags always give the same
/// warnings, so a re-run or a rebuild changes nothing that was not changed in the data. A break month (寒假, 暑假)
/// neither counts towards closing a warning nor opens one on its own.
/// </summary>
public static class WarningLifecycle
{
    public static (List<Warning> Warnings, List<WarningEvent> Events) Derive(IEnumerable<FlaggedMonth> history, int escalateAfter, int closeAfter)
    {
        var warnings = new List<Warning>();
        var events = new List<WarningEvent>();
        foreach (var branch in history.GroupBy(h => h.BranchId))
        {
            Warning? open = null;
            var clear = 0;
            foreach (var m in branch.OrderBy(h => h.MonthId, StringComparer.Ordinal))
            {
                if (m.IsFlagged)
                {
                    clear = 0;
                    if (open is null)
                    {
                        if (m.IsBreakMonth) continue;
                        open = new Warning(m.BranchId, m.CollegeId, m.MonthId);
                        warnings.Add(open);
                        events.Add(new WarningEvent(open, m.MonthId, WarningEvent.Open));
                    }
                    else
                    {
                        open.MonthsFlagged++;
                        open.LastFlaggedMonth = m.MonthId;
                        events.Add(new WarningEvent(open, m.MonthId, WarningEvent.Reminder));
                    }
                    (open.Layers, open.Topics, open.Reasons) = (m.Layers, m.Topics, m.Reasons);
                    if (open.EscalatedMonth is null && open.MonthsFlagged >= escalateAfter)
                    {
                        open.EscalatedMonth = m.MonthId;
                        events.Add(new WarningEvent(open, m.MonthId, WarningEvent.Escalate));
                    }
                }
                else if (open is not null && !m.IsBreakMonth && ++clear >= closeAfter)
                {
                    open.ClosedMonth = m.MonthId;
                    events.Add(new WarningEvent(open, m.MonthId, WarningEvent.Close));
                    open = null;
                    clear = 0;
                }
            }
        }
        return (warnings, events);
    }
}
