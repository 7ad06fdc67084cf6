using System.Globalization;
using Analytics.Reports.Charts;
using Analytics.Reports.Writing;
using Analytics.Reports.Document;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Monthly;

/// <summary>主要指标: the month's figures beside last month's.</summary>
internal sealed class KpiSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var rows = x.Rows("kpis");
        if (rows.Count == 0 || F.Text(rows.Rows[0]["month_id"]) != x.Period) { SectionParts.Heading(c, "一、主要指标"); SectionParts.Empty(c, "本月没有数据。"); return; }
        var now = rows.Rows[0];
        var before = rows.Count > 1 ? rows.Rows[1] : null;
        SectionParts.Heading(c, "一、主要指标");
        c.Item().Text($"{x.Label("composite_score")} {F.Score(now["composite_score"])}（{F.Text(now["grade"])}），较上月 {F.Change(now["composite_score"], before?["composite_score"], false)}。在册党员 {F.Count(now["n_active_members"])} 名。", Styles.Body);
        // A college's figures beside the school's: where it stands, not only how it moved.
        var school = x.IsSchool ? null : x.Rows("school_kpis").Rows.FirstOrDefault();
        c.Item().Table(t =>
        {
            if (x.IsSchool) { t.Columns(3, 2, 2, 2); t.Header("指标", "本月", "上月", "变化"); }
            else { t.Columns(3, 2, 2, 2, 2); t.Header("指标", "本月", "上月", "变化", "全校"); }
            void Row(string label, string value, string previous, string change, string schoolValue)
            {
                if (x.IsSchool) t.Row(label, value, previous, change);
                else t.Row(label, value, previous, change, schoolValue);
            }
            // The components of the score first, under their catalogue names, then the year-to-date figures beside them.
            void Share(string key) => Row(x.Label(key), F.Percent(now[key]), F.Percent(before?[key]), F.Change(now[key], before?[key], true), F.Percent(school?[key]));
            Share("participation_rate");
            Share("attendance_rate");
            Share("org_life_compliance_3m");
            Share("org_life_compliance");
            Share("pledge_coverage");
            Share("pledge_completion");
            Share("pledge_progress");
            Share("activity_coverage");
            Row(x.Label("reach"), F.Count(now["reach"]), F.Count(before?["reach"]), "", F.Count(school?["reach"]));
            Row(x.Label("n_partners"), F.Count(now["n_partners"]), F.Count(before?["n_partners"]), "", F.Count(school?["n_partners"]));
            Row("宣传稿件 / 阅读量", $"{F.Count(now["n_publicity_items"])} / {F.Count(now["n_publicity_reads"])}",
                $"{F.Count(before?["n_publicity_items"])} / {F.Count(before?["n_publicity_reads"])}", "",
                school is null ? "" : $"{F.Count(school["n_publicity_items"])} / {F.Count(school["n_publicity_reads"])}");
        });
        Trend(c, x);
        if (!x.IsSchool) BranchTrends(c, x);
    }

    /// <summary>A college's branches, each one's monthly score over the last twelve months, against the grade lines.</summary>
    private static void BranchTrends(ColumnDescriptor c, ReportContext x)
    {
        var rows = x.Rows("branch_trends").Rows;
        var months = rows.Select(r => F.Text(r["month_id"])).Distinct().Order(StringComparer.Ordinal).ToList();
        if (months.Count < 2) return;
        var series = rows.GroupBy(r => F.Text(r["branch_id"])).Select(g =>
        {
            var byMonth = g.ToDictionary(r => F.Text(r["month_id"]), r => F.Number(r["composite_score"]));
            return new LineSeries(SectionParts.BranchName(x, g.First()["branch_name"]), months.Select(m => byMonth.GetValueOrDefault(m)).ToList());
        }).ToList();
        var bands = x.Rows("grade_bands").Rows.Where(b => F.Number(b["min_score"]) > 0)
            .Select(b => (F.Number(b["min_score"])!.Value, $"{F.Text(b["grade"])} {F.Score(b["min_score"])}")).ToList();
        var plot = LineChart.Build(new LineChartData($"各支部近{months.Count}个月{x.Label("composite_score")}", MonthLabels(months), series, "月度综合得分", bands));
        c.Item().ShowEntire().Drawing("branch-trends", 270, x.Chart("branch-trends", plot, 500, 270));
    }

    /// <summary>Month labels, with the year at the first month and at every January.</summary>
    private static List<string> MonthLabels(IReadOnlyList<string> monthIds) => monthIds.Select((m, i) =>
    {
        var month = int.Parse(m[5..], CultureInfo.InvariantCulture);
        return i == 0 || month == 1 ? $"{month}月\n{m[..4]}年" : $"{month}月";
    }).ToList();

    /// <summary>The last twelve months of the score and the components a reader acts on, against the grade lines.</summary>
    private static void Trend(ColumnDescriptor c, ReportContext x)
    {
        var rows = x.Rows("kpis").Rows.Reverse().ToList();
        if (rows.Count < 2) return;
        var labels = MonthLabels(rows.Select(r => F.Text(r["month_id"])).ToList());
        double? Pct(object? v) => F.Number(v) * 100;
        var bands = x.Rows("grade_bands").Rows.Where(b => F.Number(b["min_score"]) > 0)
            .Select(b => (F.Number(b["min_score"])!.Value, $"{F.Text(b["grade"])} {F.Score(b["min_score"])}")).ToList();
        var plot = LineChart.Build(new LineChartData($"近{rows.Count}个月走势（{F.Month(F.Text(rows[0]["month_id"]))}—{F.Month(F.Text(rows[^1]["month_id"]))}）", labels,
        [
            new LineSeries(x.Label("composite_score"), rows.Select(r => F.Number(r["composite_score"])).ToList()),
            new LineSeries(x.Label("participation_rate") + "（%）", rows.Select(r => Pct(r["participation_rate"])).ToList()),
            new LineSeries(x.Label("org_life_compliance_3m") + "（%）", rows.Select(r => Pct(r["org_life_compliance_3m"])).ToList()),
            new LineSeries(x.Label("pledge_progress") + "（%）", rows.Select(r => Pct(r["pledge_progress"])).ToList()),
        ], "得分 / 百分比", bands));
        c.Item().ShowEntire().Column(block =>
        {
            block.Item().Drawing("trend", 270, x.Chart("trend", plot, 500, 270));
            block.Item().Text($"虚线自下而上为{string.Join("、", bands.OrderBy(b => b.Item1).Select(b => b.Item2.Replace(" ", "（") + "）"))}的最低分；寒假、暑假月份沿用上一教学月的得分；承诺完成进度自每年4月起计算。", Styles.Note);
        }, spacing: 3);
    }
}
