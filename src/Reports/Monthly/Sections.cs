using Analytics.Reports.Charts;
using Analytics.Reports.Document;
using SkiaSharp;
using F = Analytics.Reports.Monthly.Format;

namespace Analytics.Reports.Monthly;

/// <summary>The text styles of the reports.</summary>
internal static class Styles
{
    public static readonly TextStyle Title = new(24, Palette.KilnRed);
    public static readonly TextStyle Heading = new(14, Palette.KilnRed);
    public static readonly TextStyle Body = new(10.5f, Palette.Ink);
    public static readonly TextStyle Note = new(8, new SKColor(0x80, 0x78, 0x74));
    public static readonly TextStyle Big = new(18, Palette.Ink);
}

/// <summary>A part of a monthly report that composes itself into the report's column.</summary>
internal interface IReportSection
{
    void Compose(ColumnDescriptor column, ReportContext context);
}

internal static class SectionParts
{
    /// <summary>
    /// A section heading with the query that reproduces the section's tables and charts from the evaluators'
    /// snapshot, kept on one page with what comes first under it.
    /// </summary>
    public static void Heading(ColumnDescriptor c, string text, string? query, Action<ColumnDescriptor>? first = null) =>
        c.Item().ShowEntire().Column(block =>
        {
            block.Item().Padding(0, 10, 0, 0).Text(text, Styles.Heading);
            if (query is not null) block.Item().Text($"数据来源：{ReportQuery.Reference(query)}（可在评估快照中复现）", Styles.Note);
            first?.Invoke(block);
        }, spacing: 3);

    public static void Empty(ColumnDescriptor c, string text) => c.Item().Text(text, Styles.Body);
}

/// <summary>封面: the programme, the unit, the month and the data's as-of date.</summary>
internal sealed class CoverSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        c.Item().Padding(0, 120, 0, 0).Text("景德镇学院“窑火红”党建特色品牌", new TextStyle(16, Palette.Ink), TextAlign.Center);
        c.Item().Padding(0, 12, 0, 0).Text(x.IsSchool ? "月度评估报告" : $"{x.UnitName} 月度评估报告", Styles.Title, TextAlign.Center);
        c.Item().Padding(0, 18, 0, 0).Text(F.Month(x.Period), Styles.Big, TextAlign.Center);
        c.Item().Padding(0, 220, 0, 0).Text($"数据截至 {x.AsOf:yyyy年M月d日}", Styles.Body, TextAlign.Center);
        c.Item().Text("景德镇学院党委组织部 · 窑火红数据分析", Styles.Note, TextAlign.Center);
        c.Item().PageBreak();
    }
}

/// <summary>主要指标: the month's figures beside last month's.</summary>
internal sealed class KpiSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var rows = x.Rows("kpis");
        if (rows.Count == 0 || F.Text(rows.Rows[0]["month_id"]) != x.Period) { SectionParts.Heading(c, "一、主要指标", "kpis"); SectionParts.Empty(c, "本月没有数据。"); return; }
        var now = rows.Rows[0];
        var before = rows.Count > 1 ? rows.Rows[1] : null;
        SectionParts.Heading(c, "一、主要指标", "kpis");
        c.Item().Text($"综合得分 {F.Score(now["composite_score"])}（{F.Text(now["grade"])}），较上月 {F.Change(now["composite_score"], before?["composite_score"], false)}。在册党员 {F.Count(now["n_active_members"])} 名。", Styles.Body);
        c.Item().Table(t =>
        {
            t.Columns(3, 2, 2, 2);
            t.Header("指标", "本月", "上月", "变化");
            void Share(string label, string key) => t.Row(label, F.Percent(now[key]), F.Percent(before?[key]), F.Change(now[key], before?[key], true));
            Share("党员参与率", "participation_rate");
            Share("组织生活出勤率", "attendance_rate");
            Share("“三会一课”按期完成率", "org_life_compliance");
            Share("七一/八一承诺覆盖率", "pledge_coverage");
            Share("七一/八一承诺完成率", "pledge_completion");
            Share("品牌活动类型覆盖率", "activity_coverage");
            t.Row("活动受众（人次）", F.Count(now["reach"]), F.Count(before?["reach"]), "");
            t.Row("合作单位（年度累计）", F.Count(now["n_partners"]), F.Count(before?["n_partners"]), "");
            t.Row("宣传稿件 / 阅读量", $"{F.Count(now["n_publicity_items"])} / {F.Count(now["n_publicity_reads"])}", $"{F.Count(before?["n_publicity_items"])} / {F.Count(before?["n_publicity_reads"])}", "");
        });
    }
}

/// <summary>学院排名 (school) or 支部情况 (college): a table and a bar chart of composite scores.</summary>
internal sealed class RankingSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var query = x.IsSchool ? "college_ranking" : "branch_ranking";
        var rows = x.Rows(query);
        if (rows.Count == 0) { SectionParts.Heading(c, x.IsSchool ? "二、学院排名" : "二、各支部情况", query); SectionParts.Empty(c, "本月没有数据。"); return; }
        var names = rows.Rows.Select(r => Short(F.Text(r[x.IsSchool ? "college_name" : "branch_name"]), x.IsSchool ? null : x.UnitName)).ToList();
        var plot = BarChart.Build(new BarChartData(x.IsSchool ? "各学院综合得分" : "各支部综合得分", names,
            rows.Rows.Select(r => F.Number(r["composite_score"]) ?? 0).ToList(), "综合得分", Horizontal: true));
        var height = Math.Max(130, 50 + 18 * rows.Count);
        SectionParts.Heading(c, x.IsSchool ? "二、学院排名" : "二、各支部情况", query, b => b.Item().Drawing("ranking", height, x.Chart("ranking", plot, 500, height)));
        c.Item().Table(t =>
        {
            if (x.IsSchool)
            {
                t.Columns(1f, 4, 1.5f, 1, 1.6f, 1.6f, 1.6f, 1.4f);
                t.Header("名次", "学院", "综合得分", "等次", "参与率", "三会一课", "承诺完成", "较上月");
                foreach (var r in rows.Rows)
                    t.Row(F.Text(r["rank"]), F.Text(r["college_name"]), F.Score(r["composite_score"]), F.Text(r["grade"]), F.Percent(r["participation_rate"]),
                        F.Percent(r["org_life_compliance"]), F.Percent(r["pledge_completion"]), Delta(r["composite_change"]));
            }
            else
            {
                t.Columns(4, 1, 1.1f, 1.5f, 1, 1.4f, 1.6f, 1.6f, 1.6f);
                t.Header("支部", "类别", "党员", "综合得分", "等次", "同类排名", "参与率", "出勤率", "三会一课");
                foreach (var r in rows.Rows)
                    t.Row(F.Text(r["branch_name"]), F.Text(r["category"]), F.Count(r["n_active_members"]), F.Score(r["composite_score"]), F.Text(r["grade"]),
                        $"{F.Text(r["rank_among_peers"])}/{F.Text(r["n_peers"])}", F.Percent(r["participation_rate"]), F.Percent(r["attendance_rate"]), F.Percent(r["org_life_compliance"]));
            }
        });

    }

    private static string Delta(object? change) => change is null ? "—" : F.Change(change, 0d, false);

    /// <summary>Chart labels drop what every name shares: suffixes, and in a college's report the college's name.</summary>
    private static string Short(string name, string? college)
    {
        if (college is not null) name = name.Replace(college.Replace("党总支", ""), "");
        return name.Replace("党总支", "").Replace("党支部", "").Replace("学院", "");
    }
}

/// <summary>预警支部: the branches the model flags, with its reasons.</summary>
internal sealed class FlagsSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        if (!x.Queries.HasTable("marts", "branch_flags"))
        {
            SectionParts.Heading(c, "三、预警支部", "flagged_branches", b => b.Item().Text("后进支部预警尚未运行（analytics flag），本报告暂无预警结果。", Styles.Body));
            return;
        }
        var rows = x.Rows("flagged_branches");
        if (rows.Count == 0)
        {
            SectionParts.Heading(c, "三、预警支部", "flagged_branches", b => b.Item().Text("本月没有支部被判定为可能落后。", Styles.Body));
            return;
        }
        SectionParts.Heading(c, "三、预警支部", "flagged_branches", b => b.Item().Text(
            $"本月共 {rows.Count} 个支部被判定为可能落后（模型 {F.Text(rows.Rows[0]["model_version"])}，阈值 {F.Score(F.Number(rows.Rows[0]["threshold"]) * 100)}%）。", Styles.Body));
        c.Item().Table(t =>
        {
            t.Columns(3.2f, 1.1f, 6);
            t.Header("支部", "得分", "原因");
            foreach (var r in rows.Rows)
            {
                var reasons = r["reasons"] is System.Collections.IEnumerable e ? string.Join("；\n", e.Cast<object>()) : "—";
                t.Row(F.Text(r["branch_name"]), F.Percent(r["score"]), reasons);
            }
        });
    }
}

/// <summary>七一/八一工程进展: each item's coverage and completion, table and chart.</summary>
internal sealed class PledgeSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var rows = x.Rows("pledge_items");
        if (rows.Count == 0) { SectionParts.Heading(c, "四、七一/八一工程进展", "pledge_items"); SectionParts.Empty(c, "本月没有承诺数据。"); return; }
        var plot = BarChart.Build(new BarChartData("各承诺事项完成率", rows.Rows.Select(r => F.Text(r["item"])).ToList(),
            rows.Rows.Select(r => 100 * (F.Number(r["completion_rate"]) ?? 0)).ToList(), "完成率（%）"));
        SectionParts.Heading(c, "四、七一/八一工程进展", "pledge_items", b => b.Item().Drawing("pledges", 170, x.Chart("pledges", plot, 500, 170)));
        c.Item().Table(t =>
        {
            t.Columns(1.6f, 0.8f, 5, 1.2f, 1.4f, 1.4f);
            t.Header("工程", "事项", "内容", "应承诺", "承诺率", "完成率");
            foreach (var r in rows.Rows)
                t.Row(F.Text(r["programme"]), F.Text(r["item"]), F.Text(r["item_text"]), F.Count(r["n_members_owing"]), F.Percent(r["pledge_rate"]), F.Percent(r["completion_rate"]));
        });
    }
}

/// <summary>活动覆盖: a heat map of brand activity types held this year, by college (or branch).</summary>
internal sealed class CoverageSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var rows = x.Rows("activity_coverage");
        if (rows.Count == 0) { SectionParts.Heading(c, "五、品牌活动覆盖（年度累计）", "activity_coverage"); SectionParts.Empty(c, "今年还没有红色文化或实践服务活动。"); return; }
        var units = rows.Rows.Select(r => F.Text(r["unit_name"])).Distinct().ToList();
        var types = rows.Rows.Select(r => F.Text(r["activity_type"])).Distinct().Order(StringComparer.Ordinal).ToList();
        var values = new double[units.Count, types.Count];
        foreach (var r in rows.Rows)
            values[units.IndexOf(F.Text(r["unit_name"])), types.IndexOf(F.Text(r["activity_type"]))] = F.Number(r["n_activities_ytd"]) ?? 0;
        var data = new HeatMapData(units, types, values);
        SectionParts.Heading(c, "五、品牌活动覆盖（年度累计）", "activity_coverage", b => b.Item().Drawing("coverage", HeatMapChart.Height(data), HeatMapChart.Drawer(data, ReportFont.Get(x.FontPath))));
    }
}

/// <summary>宣传影响: publicity by channel.</summary>
internal sealed class InfluenceSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var rows = x.Rows("publicity_channels");
        SectionParts.Heading(c, "六、宣传与影响", "publicity_channels", b => b.Item().Text("本月各渠道的宣传稿件、阅读量和点赞数：", Styles.Body));
        if (rows.Count == 0) { SectionParts.Empty(c, "本月没有宣传稿件。"); return; }
        c.Item().Table(t =>
        {
            t.Columns(3, 2, 2, 2);
            t.Header("渠道", "稿件", "阅读量", "点赞");
            foreach (var r in rows.Rows) t.Row(F.Text(r["channel"]), F.Count(r["n_publicity_items"]), F.Count(r["n_publicity_reads"]), F.Count(r["n_publicity_likes"]));
        });
    }
}

/// <summary>数据质量: what was loaded, what was held back and how fresh each ledger is (from the warehouse's ops tables).</summary>
internal sealed class DataQualitySection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var files = x.Rows("data_quality");
        SectionParts.Heading(c, "七、数据质量", null, b =>
        {
            b.Item().Text($"数据来源：{ReportQuery.Reference("data_quality")}（仓库 ops 表，不在评估快照中）", Styles.Note);
            b.Item().Text("各类台账的导入情况（全部文件累计）：", Styles.Body);
        });
        if (files.Count == 0) { SectionParts.Empty(c, "还没有导入任何台账。"); return; }
        c.Item().Table(t =>
        {
            t.Columns(2.2f, 1.2f, 1.6f, 1.6f, 1.6f, 2.6f);
            t.Header("台账", "文件", "读入行", "入库行", "隔离行", "最近导入");
            foreach (var r in files.Rows)
                t.Row(F.Text(r["ledger"]), F.Count(r["n_files"]), F.Count(r["rows_read"]), F.Count(r["rows_loaded"]), F.Count(r["rows_quarantined"]), F.Text(r["last_loaded_on"]));
        });
        c.Item().Text("隔离行保存在仓库的 ops.quarantine 表中，逐行注明文件、行号、列和原因，修正后可重新导入。", Styles.Note);
    }
}
