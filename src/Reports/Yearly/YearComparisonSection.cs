using Analytics.Reports.Charts;
using Analytics.Reports.Document;
using Analytics.Reports.Writing;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Yearly;

/// <summary>二、各学院比较 (school): every college's four dimensions, overall score, grade and rank, table and heat map.</summary>
internal sealed class YearComparisonSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var rows = x.Rows("year_colleges");
        SectionParts.Heading(c, "二、各学院比较");
        if (rows.Count == 0) { SectionParts.Empty(c, "本年度没有评估数据。"); return; }
        c.Item().Table(t =>
        {
            t.Columns(1, 4, 2.6f, 1.4f, 1.4f, 1.4f, 1.4f, 1.5f, 1);
            t.Header("名次", "学院", "子品牌", "组织实施", "目标任务", "实际成效", "社会效应", "综合", "等次");
            foreach (var r in rows.Rows)
                t.Row(F.Text(r["rank"]), F.Text(r["college_name"]), F.Text(r["brand_project"]), F.Score(r["score_implementation"]), F.Score(r["score_targets"]),
                    F.Score(r["score_results"]), F.Score(r["score_social"]), F.Score(r["overall_score"]), F.Text(r["grade_year"]));
        });
        var dims = YearFindings.Dimensions;
        var values = new double[rows.Count, dims.Count];
        for (var i = 0; i < rows.Count; i++)
            for (var j = 0; j < dims.Count; j++)
                values[i, j] = Math.Round(F.Number(rows.Rows[i][dims[j].ScoreColumn]) ?? 0);
        var data = new HeatMapData(rows.Rows.Select(r => F.Text(r["college_name"]).Replace("党总支", "")).ToList(), dims.Select(d => d.Name).ToList(), values, "分（各维度得分，满分 100）");
        c.Item().ShowEntire().Drawing("dimensions", HeatMapChart.Height(data), HeatMapChart.Drawer(data, ReportFont.Get(x.FontPath)));
    }
}
