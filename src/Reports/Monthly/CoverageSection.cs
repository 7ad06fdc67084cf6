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
        var data = new HeatMapData(units.Select(u => SectionParts.BranchName(x, u)).ToList(), types, values, "次（本年累计开展次数）");
        SectionParts.Heading(c, "五、品牌活动覆盖（年度累计）", b => b.Item().Drawing("coverage", HeatMapChart.Height(data), HeatMapChart.Drawer(data, ReportFont.Get(x.FontPath))));
        c.Item().Text(x.IsSchool
            ? "每个学院的次数包括学院本级组织的活动和所属各支部的活动；0 表示本年尚未开展该类活动。"
            : "各支部的次数不含学院本级组织的活动（学院本级活动计入全校报告中本学院的次数）；0 表示本年尚未开展该类活动。", Styles.Note);
    }
}
