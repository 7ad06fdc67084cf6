using System.Data;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Flags;

/// <summary>Reads the features of every branch-month from the warehouse's marts.</summary>
public static class FeatureReader
{
    public static List<BranchFeatures> Read(DuckDBConnection warehouse, string queriesDir)
    {
        var path = Path.Combine(queriesDir, "flags", "branch_features.sql");
        if (!File.Exists(path)) throw new InvalidOperationException($"The feature query {Path.GetFullPath(path)} is missing.");
        return warehouse.Query($"select * from ({File.ReadAllText(path)}) order by month_id, branch_id", Map);
    }

    private static BranchFeatures Map(IDataRecord r)
    {
        // A missing figure reads as 0: no org-life records means no attendance; no earlier months means no trend,
        // and no peer figure means no gap.
        float F(string column) => r[column] is DBNull or null ? 0f : Convert.ToSingle(r[column], System.Globalization.CultureInfo.InvariantCulture);
        return new BranchFeatures
        {
            BranchId = (string)r["branch_id"],
            BranchName = (string)r["branch_name"],
            CollegeId = r["college_id"] as string ?? "",
            Category = r["category"] as string ?? "",
            MonthId = (string)r["month_id"],
            Year = Convert.ToInt32(r["year"], System.Globalization.CultureInfo.InvariantCulture),
            YearLagging = r["year_lagging"] as bool?,
            RankAmongPeers = r["rank_among_peers"] is DBNull or null ? 0 : Convert.ToInt32(r["rank_among_peers"], System.Globalization.CultureInfo.InvariantCulture),
            Peers = r["n_peers"] is DBNull or null ? 0 : Convert.ToInt32(r["n_peers"], System.Globalization.CultureInfo.InvariantCulture),
            IsBreakMonth = (bool)r["is_break_month"],
            Members = F("n_active_members"),
            Participation3m = F("participation_3m"),
            Attendance3m = F("attendance_3m"),
            Compliance = F("org_life_compliance"),
            PledgeCoverage = F("pledge_coverage"),
            PledgeCompletion = F("pledge_completion"),
            ParticipationTrend = F("participation_trend"),
            AttendanceTrend = F("attendance_trend"),
            ParticipationGap = F("participation_gap"),
            AttendanceGap = F("attendance_gap"),
            ComplianceGap = F("compliance_gap"),
            RecentCompliance = F("recent_compliance"),
            RecentComplianceGap = F("recent_compliance_gap"),
            PledgeCoverageGap = F("pledge_coverage_gap"),
            PledgeProgressGap = F("pledge_progress_gap"),
            IsStudent = (bool)r["is_student"] ? 1 : 0,
        };
    }
}
