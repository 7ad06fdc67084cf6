using Analytics.Reports.Document;
using Analytics.Reports.Writing;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Yearly;

/// <summary>
/// 一、年度评估得分: the four dimensions and the overall score beside the colleges' median, the school, and the unit's
/// own scores the year before with the change.
/// </summary>
internal sealed class YearScoresSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var o = YearOverview.Of(x);
        SectionParts.Heading(c, "一、年度评估得分");
        if (o.Unit is not { } u) { SectionParts.Empty(c, "本年度没有评估数据。"); return; }
        var standing = x.IsSchool ? "" : $"在 {F.Count(u["n_colleges"])} 个学院中列第 {F.Text(u["rank_among_colleges"])} 位，";
        var previous = o.Previous;
        var sincePrevious = previous is null ? "" : $"上年为 {F.Score(previous["overall_score"])}（{F.Text(previous["grade_year"])}），{(F.Number(u["overall_score"]) >= F.Number(previous["overall_score"]) ? "上升" : "下降")} {F.Score(Math.Abs((F.Number(u["overall_score"]) ?? 0) - (F.Number(previous["overall_score"]) ?? 0)))} 分；";
        c.Item().Text($"年度品牌考核总分 {F.Score(u["overall_score"])}（{F.Text(u["grade_year"])}），{standing}{sincePrevious}由组织实施、目标任务、实际成效、社会效应四个维度加权而成。", Styles.Body);
        c.Item().Table(t =>
        {
            string[] Cells(string label, string column)
            {
                var cells = new List<string> { label, F.Score(u[column]), F.Score(o.Median?[column]) };
                if (!x.IsSchool) cells.Add(F.Score(o.School?[column]));
                if (previous is not null) { cells.Add(F.Score(previous[column])); cells.Add(F.Change(u[column], previous[column], false)); }
                return [.. cells];
            }
            var header = new List<string> { "维度", x.IsSchool ? "学校" : "本学院", "各学院中位数" };
            if (!x.IsSchool) header.Add("学校");
            if (previous is not null) { header.Add("上年"); header.Add("较上年"); }
            t.Columns([.. header.Select((_, i) => i == 0 ? 3f : 2f)]);
            t.Header([.. header]);
            foreach (var d in YearFindings.Dimensions) t.Row(Cells(d.Name, d.ScoreColumn));
            t.Row(Cells("总分", "overall_score"));
        });
    }
}
