using Analytics.Reports.Writing;
using Analytics.Reports.Charts;
using Analytics.Reports.Document;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Monthly;

/// <summary>活动覆盖: a heat map of brand activity types held this year, by college (or branch).</summary>
internal sealed class CoverageSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var rows = x.Rows("activity_coverage");
        if (rows.Count == 0) { SectionParts.Heading(c, "五、品牌活动覆盖（年度累计）"); SectionParts.Empty(c, "今年还没有红色文化或实践服务活动。"); return; }
        var units = rows.Rows.Select(r => F.Text(r["unit_name"])).Distinct().ToList();
        var types = rows.Rows.Select(r => F.Text(r["activity_type"])).Distinct().Order(StringComparer.Ordinal).ToList();
        var values = new double[units.Count, types.Count];
        foreach (var r in rows.Rows)
            values[units.IndexOf(F.Text(r["unit_name"])), types.IndexOf(F.Text(r["activity_type"]))] = F.Number(r["n_activities_ytd"]) ?? 0;
        var data = new HeatMapData(units, types, values);
        SectionParts.Heading(c, "五、品牌活动覆盖（年度累计）", b => b.Item().Drawing("coverage", HeatMapChart.Height(data), HeatMapChart.Drawer(data, ReportFont.Get(x.FontPath))));
    }
}
