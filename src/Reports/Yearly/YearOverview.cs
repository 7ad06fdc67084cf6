using System.Globalization;
using Analytics.Reports.Writing;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Yearly;

/// <summary>The rows of year_overview.sql by kind: the unit's, the colleges' median, the school's and the unit's year before.</summary>
internal sealed record YearOverview(Dictionary<string, object?>? Unit, Dictionary<string, object?>? Median, Dictionary<string, object?>? School,
    Dictionary<string, object?>? Previous = null)
{
    public static YearOverview Of(ReportContext x)
    {
        var rows = x.Rows("year_overview").Rows;
        Dictionary<string, object?>? Kind(string kind) => rows.FirstOrDefault(r => F.Text(r["row_kind"]) == kind);
        return new YearOverview(Kind("unit"), Kind("median"), Kind("school"), Kind("previous"));
    }

    /// <summary>"2026年度（1—10月）" for a year under way, "2025年度" for a whole one.</summary>
    public string PeriodText(string year)
    {
        var months = Unit?["n_months"] is { } n ? Convert.ToInt32(n, CultureInfo.InvariantCulture) : 12;
        var last = F.Text(Unit?["last_month_id"]);
        return months >= 12 || last.Length < 7 ? $"{year}年度" : $"{year}年度（1—{int.Parse(last[5..], CultureInfo.InvariantCulture)}月）";
    }
}
