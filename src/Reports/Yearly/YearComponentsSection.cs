using Analytics.Reports.Document;
using Analytics.Reports.Writing;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Yearly;

/// <summary>二、分项指标 (college): every component of every dimension beside the colleges' median.</summary>
internal sealed class YearComponentsSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var o = YearOverview.Of(x);
        SectionParts.Heading(c, "二、分项指标");
        if (o.Unit is not { } u) { SectionParts.Empty(c, "本年度没有评估数据。"); return; }
        c.Item().Table(t =>
        {
            t.Columns(2, 4, 2, 2);
            t.Header("维度", "指标", "本学院", "各学院中位数");
            foreach (var d in YearFindings.Dimensions)
                foreach (var (column, label) in d.Components)
                    t.Row(d.Name, label, F.Percent(u[column]), F.Percent(o.Median?[column]));
            void Count(string dimension, string label, string column) => t.Row(dimension, label, F.Count(u[column]), F.Count(o.Median?[column]));
            Count("实际成效", "完成的课题、创业项目", "n_projects");
            Count("实际成效", "完成的专业竞赛", "n_competitions");
            Count("实际成效", "指导学生自主创业", "n_businesses");
            Count("社会效应", "活动受众（人次）", "reach_year");
            Count("社会效应", "宣传稿件（篇）", "n_publicity_items_year");
            Count("社会效应", "合作单位（个）", "n_partners_year");
            Count("社会效应", "校地合作活动（次）", "n_local_cooperation");
        });
        c.Item().Text("“达标度”为全年数量对照目标值（按评估月数折算）的完成程度，100% 封顶；台账及时率不计建库时一次性补录的历史台账。", Styles.Note);
    }
}
