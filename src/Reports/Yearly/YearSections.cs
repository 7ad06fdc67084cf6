using System.Globalization;
using Analytics.Reports.Charts;
using Analytics.Reports.Document;
using Analytics.Reports.Monthly;
using F = Analytics.Reports.Monthly.Format;

namespace Analytics.Reports.Yearly;

/// <summary>The rows of year_overview.sql by kind: the unit's, the colleges' median and the school's.</summary>
internal sealed record YearOverview(Dictionary<string, object?>? Unit, Dictionary<string, object?>? Median, Dictionary<string, object?>? School)
{
    public static YearOverview Of(ReportContext x)
    {
        var rows = x.Rows("year_overview").Rows;
        Dictionary<string, object?>? Kind(string kind) => rows.FirstOrDefault(r => F.Text(r["row_kind"]) == kind);
        return new YearOverview(Kind("unit"), Kind("median"), Kind("school"));
    }

    /// <summary>"2026年度（1—10月）" for a year under way, "2025年度" for a whole one.</summary>
    public string PeriodText(string year)
    {
        var months = Unit?["n_months"] is { } n ? Convert.ToInt32(n, CultureInfo.InvariantCulture) : 12;
        var last = F.Text(Unit?["last_month_id"]);
        return months >= 12 || last.Length < 7 ? $"{year}年度" : $"{year}年度（1—{int.Parse(last[5..], CultureInfo.InvariantCulture)}月）";
    }
}

/// <summary>封面.</summary>
internal sealed class YearCoverSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var o = YearOverview.Of(x);
        c.Item().Padding(0, 110, 0, 0).Text("景德镇学院“窑火红”党建特色品牌", new TextStyle(16, Palette.Ink), TextAlign.Center);
        c.Item().Padding(0, 12, 0, 0).Text(x.IsSchool ? "年度品牌评估报告" : $"{x.UnitName} 年度品牌评估报告", Styles.Title, TextAlign.Center);
        if (!x.IsSchool && o.Unit?["brand_project"] is { } brand)
            c.Item().Padding(0, 8, 0, 0).Text($"“一院一品”子品牌：{brand}", Styles.Big, TextAlign.Center);
        c.Item().Padding(0, 18, 0, 0).Text(o.PeriodText(x.Period), Styles.Big, TextAlign.Center);
        c.Item().Padding(0, 12, 0, 0).Text(x.IsSchool ? "组织实施 · 目标任务 · 实际成效 · 社会效应" : "供党组织书记述职评议考核参考", Styles.Body, TextAlign.Center);
        c.Item().Padding(0, 190, 0, 0).Text($"数据截至 {x.AsOf:yyyy年M月d日}", Styles.Body, TextAlign.Center);
        c.Item().Text("景德镇学院党委组织部 · 窑火红数据分析", Styles.Note, TextAlign.Center);
        c.Item().PageBreak();
    }
}

/// <summary>一、年度评估得分: the four dimensions and the overall score beside the colleges' median and the school.</summary>
internal sealed class YearScoresSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var o = YearOverview.Of(x);
        SectionParts.Heading(c, "一、年度评估得分", "year_overview");
        if (o.Unit is not { } u) { SectionParts.Empty(c, "本年度没有评估数据。"); return; }
        var standing = x.IsSchool ? "" : $"在 {F.Count(u["n_colleges"])} 个学院中列第 {F.Text(u["rank_among_colleges"])} 位，";
        c.Item().Text($"年度综合得分 {F.Score(u["overall_score"])}（{F.Text(u["grade_year"])}），{standing}由组织实施、目标任务、实际成效、社会效应四个维度加权而成（权重见 catalogues/scoring.csv）。", Styles.Body);
        c.Item().Table(t =>
        {
            string[] Cells(string label, string column) => x.IsSchool
                ? [label, F.Score(u[column]), F.Score(o.Median?[column])]
                : [label, F.Score(u[column]), F.Score(o.Median?[column]), F.Score(o.School?[column])];
            if (x.IsSchool) { t.Columns(3, 2, 2); t.Header("维度", "学校", "各学院中位数"); }
            else { t.Columns(3, 2, 2, 2); t.Header("维度", "本学院", "各学院中位数", "学校"); }
            foreach (var d in YearFindings.Dimensions) t.Row(Cells(d.Name, d.ScoreColumn));
            t.Row(Cells("综合得分", "overall_score"));
        });
    }
}

/// <summary>二、分项指标 (college): every component of every dimension beside the colleges' median.</summary>
internal sealed class YearComponentsSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var o = YearOverview.Of(x);
        SectionParts.Heading(c, "二、分项指标", "year_overview");
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

/// <summary>二、各学院比较 (school): every college's four dimensions, overall score, grade and rank, table and heat map.</summary>
internal sealed class YearComparisonSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var rows = x.Rows("year_colleges");
        SectionParts.Heading(c, "二、各学院比较", "year_colleges");
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
        var data = new HeatMapData(rows.Rows.Select(r => F.Text(r["college_name"]).Replace("党总支", "")).ToList(), dims.Select(d => d.Name).ToList(), values);
        c.Item().ShowEntire().Drawing("dimensions", HeatMapChart.Height(data), HeatMapChart.Drawer(data, ReportFont.Get(x.FontPath)));
    }
}

/// <summary>三、年度走势: the composite score, participation and compliance month by month.</summary>
internal sealed class YearTrajectorySection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var rows = x.Rows("year_trajectory");
        if (rows.Count == 0) { SectionParts.Heading(c, "三、年度走势", "year_trajectory"); SectionParts.Empty(c, "本年度没有月度数据。"); return; }
        double? Pct(object? v) => F.Number(v) * 100;
        var labels = rows.Rows.Select(r => $"{int.Parse(F.Text(r["month_id"])[5..], CultureInfo.InvariantCulture)}月").ToList();
        var plot = LineChart.Build(new LineChartData($"{x.Period}年逐月走势", labels,
        [
            new LineSeries("综合得分", rows.Rows.Select(r => F.Number(r["composite_score"])).ToList()),
            new LineSeries("党员参与率（%）", rows.Rows.Select(r => Pct(r["participation_rate"])).ToList()),
            new LineSeries("三会一课按期完成率（%）", rows.Rows.Select(r => Pct(r["org_life_compliance"])).ToList()),
        ], "得分 / 百分比"));
        var scores = rows.Rows.Select(r => (Month: F.Month(F.Text(r["month_id"])), Score: F.Number(r["composite_score"]))).Where(s => s.Score is not null).ToList();
        SectionParts.Heading(c, "三、年度走势", "year_trajectory", b => b.Item().Drawing("trajectory", 210, x.Chart("trajectory", plot, 500, 210)));
        if (scores.Count > 0)
        {
            var best = scores.MaxBy(s => s.Score)!;
            var worst = scores.MinBy(s => s.Score)!;
            c.Item().Text($"综合得分由{scores[0].Month}的 {F.Score(scores[0].Score)} 变为{scores[^1].Month}的 {F.Score(scores[^1].Score)}；全年最高为{best.Month}的 {F.Score(best.Score)}，最低为{worst.Month}的 {F.Score(worst.Score)}。", Styles.Body);
        }
    }
}

/// <summary>四、优势与不足: sentences generated from the figures (YearFindings).</summary>
internal sealed class YearFindingsSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var o = YearOverview.Of(x);
        SectionParts.Heading(c, "四、优势与不足", "year_overview");
        if (o.Unit is not { } u) { SectionParts.Empty(c, "本年度没有评估数据。"); return; }
        var findings = x.IsSchool ? YearFindings.ForSchool(u) : YearFindings.ForCollege(u, o.Median ?? []);
        c.Item().Text("优势：", Styles.Body);
        foreach (var s in findings.Strengths) c.Item().Padding(12, 0, 0, 0).Text("· " + s, Styles.Body);
        c.Item().Text("不足：", Styles.Body);
        foreach (var s in findings.Shortfalls) c.Item().Padding(12, 0, 0, 0).Text("· " + s, Styles.Body);
    }
}

/// <summary>五、预警支部及整改: branches flagged during the year, for how long, and whether they recovered.</summary>
internal sealed class YearFlagsSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        const string title = "五、预警支部及整改情况";
        if (!x.Queries.HasTable("marts", "branch_flags"))
        {
            SectionParts.Heading(c, title, "year_flagged_branches", b => b.Item().Text("后进支部预警尚未运行（analytics flag），本报告暂无预警结果。", Styles.Body));
            return;
        }
        var rows = x.Rows("year_flagged_branches");
        if (rows.Count == 0)
        {
            SectionParts.Heading(c, title, "year_flagged_branches", b => b.Item().Text("本年度没有支部被判定为可能落后。", Styles.Body));
            return;
        }
        var recovered = rows.Rows.Count(r => r["recovered"] is true);
        SectionParts.Heading(c, title, "year_flagged_branches", b => b.Item().Text(
            $"本年度共有 {rows.Count} 个支部曾被预警，其中 {recovered} 个已恢复（最近两个月未再预警），{rows.Count - recovered} 个截至{F.Month(F.Text(rows.Rows[0]["year_last_month"]))}仍需关注。", Styles.Body));
        c.Item().Table(t =>
        {
            t.Columns(4.5f, 1.4f, 3.4f, 2);
            t.Header("支部", "预警月数", "首次—最近", "状态");
            foreach (var r in rows.Rows)
                t.Row(F.Text(r["branch_name"]), F.Count(r["n_months_flagged"]), $"{F.Month(F.Text(r["first_flagged"]))}—{F.Month(F.Text(r["last_flagged"]))}",
                    r["recovered"] is true ? "已恢复" : "仍需关注");
        });
    }
}
