using Analytics.Reports.Document;
using Analytics.Reports.Writing;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Yearly;

/// <summary>一、年度评估得分: the four dimensions and the overall score beside the colleges' median and the school.</summary>
internal sealed class YearScoresSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var o = YearOverview.Of(x);
        SectionParts.Heading(c, "一、年度评估得分");
        if (o.Unit is not { } u) { SectionParts.Empty(c, "本年度没有评估数据。"); return; }
        var standing = x.IsSchool ? "" : $"在 {F.Count(u["n_colleges"])} 个学院中列第 {F.Text(u["rank_among_colleges"])} 位，";
        c.Item().Text($"年度品牌考核总分 {F.Score(u["overall_score"])}（{F.Text(u["grade_year"])}），{standing}由组织实施、目标任务、实际成效、社会效应四个维度加权而成。", Styles.Body);
        c.Item().Table(t =>
        {
            string[] Cells(string label, string column) => x.IsSchool
                ? [label, F.Score(u[column]), F.Score(o.Median?[column])]
                : [label, F.Score(u[column]), F.Score(o.Median?[column]), F.Score(o.School?[column])];
            if (x.IsSchool) { t.Columns(3, 2, 2); t.Header("维度", "学校", "各学院中位数"); }
            else { t.Columns(3, 2, 2, 2); t.Header("维度", "本学院", "各学院中位数", "学校"); }
            foreach (var d in YearFindings.Dimensions) t.Row(Cells(d.Name, d.ScoreColumn));
            t.Row(Cells("总分", "overall_score"));
        });
    }
}
