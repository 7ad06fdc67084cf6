using System.Globalization;
using Analytics.Warehouse;
using Analytics.Reports.Writing;
using DuckDB.NET.Data;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Site;

/// <summary>What a site build wrote.</summary>
public sealed record SiteResult(string OutDir, IReadOnlyList<string> Files);

/// <summary>
/// Writes the school website's 窑火红 column for a month: a static, self-contained folder (HTML, one stylesheet, SVG
/// charts; no script, no web font, nothing fetched from elsewhere) the web team copies under the 专栏 as it is:
/// index.html (the month's headline figures, colleges, sub-brands, trend), colleges/&lt;id&gt;.html (a college's
/// sub-brand, branches, activity types, trend) and archive/ (every earlier month). Aggregates only: unit names and
/// figures from the marts, never a person's name or number. Every figure is read with a queries/reports/*.sql query.
/// A 宣传 column shows what went well: a college's branches appear with their activity figures, and with their
/// grades and ranks only where <paramref name="showBranchGrades"/> is set (Analytics:Site:ShowBranchGrades).
/// </summary>
public sealed class SiteWriter(DuckDBConnection warehouse, string queriesDir, bool showBranchGrades = false)
{
    public SiteResult Write(Month shown, string outDir)
    {
        var month = shown.ToString();
        if (warehouse.Scalar<long>("select count(*) from marts.school_month where month_id = ?", month) == 0)
            throw new InvalidOperationException($"The warehouse has no figures for {month}: run 'analytics model' first, or choose another month.");
        var q = new ReportQuery(warehouse, queriesDir);
        var asOf = ReportWriter.DataAsOf(warehouse).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        var files = new List<string>();
        void Save(string relative, string content)
        {
            var path = Path.Combine(outDir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + ".tmp";
            File.WriteAllText(temp, content, new System.Text.UTF8Encoding(false));
            File.Move(temp, path, overwrite: true); // the web server never serves half a page
            files.Add(path);
        }

        Save("assets/site.css", SiteStyle.Css);
        var colleges = q.Run("college_ranking", month, "school").Rows;
        Save("index.html", Overview(q, month, colleges, asOf, Save));
        foreach (var college in colleges)
            Save($"colleges/{F.Text(college["college_id"])}.html", CollegePage(q, month, college, asOf, Save));
        var archive = q.Run("site_archive", month, "school").Rows;
        Save("archive/index.html", ArchiveIndex(month, archive, asOf));
        foreach (var m in archive.Select(r => F.Text(r["month_id"])))
            Save($"archive/{m}.html", ArchiveMonth(q, m, asOf));
        return new SiteResult(outDir, files);
    }

    private static string Overview(ReportQuery q, string month, IReadOnlyList<Dictionary<string, object?>> colleges, string asOf, Action<string, string> save)
    {
        var page = new HtmlPage($"{F.Month(month)}品牌建设月报", "");
        page.Heading(1, $"{F.Month(month)} “窑火红”品牌建设月报");
        page.Paragraph($"全校各党总支、党支部{F.Month(month)}的党建品牌工作数据：组织生活、七一/八一工程、品牌活动与宣传。", "asof");
        Headline(page, q, month, "school");

        page.Heading(2, "各学院综合得分", "colleges");
        var names = colleges.Select(c => Short(F.Text(c["college_name"]))).ToList();
        var scores = colleges.Select(c => F.Number(c["composite_score"]) ?? 0).ToList();
        save($"assets/ranking-{month}.svg", SvgChart.Bars($"{F.Month(month)}各学院综合得分", names, scores,
            colleges.Select(c => F.Text(c["grade"]) is "一般" or "差").ToList()));
        page.Figure($"assets/ranking-{month}.svg", $"{F.Month(month)}各学院综合得分条形图：" + string.Join("；", names.Select((n, i) => $"{n} {F.Score(scores[i])}")),
            "月度综合得分由党员参与率、组织生活出勤率、近三个月“三会一课”按期完成率、七一/八一承诺覆盖率与完成进度、品牌活动覆盖进度和影响力指数加权而成，满分 100。");
        page.Table($"{F.Month(month)}各学院排名", ["名次", "学院", "综合得分", "等次", "党员参与率", "三会一课按期完成率", "承诺事项完成率"],
            colleges.Select(c => new TableRow(F.Text(c["college_id"]), month,
            [
                new TableCell(F.Text(c["rank"]), IsNumber: true),
                new TableCell(F.Text(c["college_name"]), Href: $"colleges/{F.Text(c["college_id"])}.html", IsHeader: true),
                new TableCell(F.Score(c["composite_score"]), "composite_score", IsNumber: true),
                new TableCell(F.Text(c["grade"]), "grade"),
                new TableCell(F.Percent(c["participation_rate"]), "participation_rate", IsNumber: true),
                new TableCell(F.Percent(c["org_life_compliance"]), "org_life_compliance", IsNumber: true),
                new TableCell(F.Percent(c["pledge_completion"]), "pledge_completion", IsNumber: true),
            ])));

        BrandProjects(page, q.Run("site_brand_projects", month, "school").Rows, month);
        Trend(page, q, month, "school", "全校", save);
        page.Paragraph("往期数据见“往期回顾”。", "note");
        return page.Render(asOf);
    }

    private string CollegePage(ReportQuery q, string month, Dictionary<string, object?> college, string asOf, Action<string, string> save)
    {
        var id = F.Text(college["college_id"]);
        var name = F.Text(college["college_name"]);
        var page = new HtmlPage($"{name} {F.Month(month)}", "../");
        page.Heading(1, name);
        var brands = q.Run("site_brand_projects", month, id).Rows;
        page.Paragraph(brands.Count > 0 ? $"“一院一品”子品牌：{string.Join("、", brands.Select(b => F.Text(b["brand_project"])))} · {F.Month(month)}" : F.Month(month), "asof");
        Headline(page, q, month, id);
        BrandProjects(page, brands, month);

        var branches = q.Run("branch_ranking", month, id).Rows;
        page.Heading(2, "各支部情况");
        // Grades and ranks of named branches are for the college's own report; the public column shows them only
        // where the school chose to (a 宣传 column that labels a branch 差 is the opposite of what it is for).
        string[] header = showBranchGrades
            ? ["支部", "类别", "党员数", "综合得分", "等次", "同类排名", "党员参与率", "三会一课按期完成率"]
            : ["支部", "类别", "党员数", "党员参与率", "三会一课按期完成率"];
        page.Table($"{name}各党支部{F.Month(month)}情况{(showBranchGrades ? "（同类支部中排名）" : "")}", header,
            branches.OrderBy(b => F.Text(b["branch_name"]), StringComparer.Ordinal).Select(b => new TableRow(F.Text(b["branch_id"]), month,
            [
                new TableCell(F.Text(b["branch_name"]), IsHeader: true),
                new TableCell(F.Text(b["category"])),
                new TableCell(F.Count(b["n_active_members"]), "n_active_members", IsNumber: true),
                .. showBranchGrades
                    ? new[]
                    {
                        new TableCell(F.Score(b["composite_score"]), "composite_score", IsNumber: true),
                        new TableCell(F.Text(b["grade"]), "grade"),
                        new TableCell($"{F.Text(b["rank_among_peers"])}/{F.Text(b["n_peers"])}", IsNumber: true),
                    }
                    : [],
                new TableCell(F.Percent(b["participation_rate"]), "participation_rate", IsNumber: true),
                new TableCell(F.Percent(b["org_life_compliance"]), "org_life_compliance", IsNumber: true),
            ])));

        var types = q.Run("site_activity_types", month, id).Rows;
        page.Heading(2, "本年开展的品牌活动");
        if (types.Count == 0) page.Paragraph("本年尚无红色文化、实践服务类品牌活动记录。");
        else
            page.Table($"{name}本年截至{F.Month(month)}的品牌活动（次）", ["活动类型", "类别", "次数"],
                types.Select(t => new TableRow(id, month,
                [
                    new TableCell(F.Text(t["activity_type"]), IsHeader: true), new TableCell(F.Text(t["type_group"])),
                    new TableCell(F.Count(t["n_activities_ytd"]), IsNumber: true),
                ])));
        Trend(page, q, month, id, Short(name), save);
        return page.Render(asOf);
    }

    private static string ArchiveIndex(string month, IReadOnlyList<Dictionary<string, object?>> months, string asOf)
    {
        var page = new HtmlPage("往期回顾", "../");
        page.Heading(1, "往期回顾");
        page.Paragraph($"截至{F.Month(month)}的每月全校数据；点击月份查看当月各学院排名。", "asof");
        page.Table("每月全校主要数据", ["月份", "综合得分", "等次", "在册党员", "党员参与率", "三会一课按期完成率", "承诺事项完成率", "当月第一名"],
            months.Select(m => new TableRow("school", F.Text(m["month_id"]),
            [
                new TableCell(F.Month(F.Text(m["month_id"])), Href: $"{F.Text(m["month_id"])}.html", IsHeader: true),
                new TableCell(F.Score(m["composite_score"]), "composite_score", IsNumber: true),
                new TableCell(F.Text(m["grade"]), "grade"),
                new TableCell(F.Count(m["n_active_members"]), "n_active_members", IsNumber: true),
                new TableCell(F.Percent(m["participation_rate"]), "participation_rate", IsNumber: true),
                new TableCell(F.Percent(m["org_life_compliance"]), "org_life_compliance", IsNumber: true),
                new TableCell(F.Percent(m["pledge_completion"]), "pledge_completion", IsNumber: true),
                new TableCell(F.Text(m["best_college"])),
            ])));
        return page.Render(asOf);
    }

    private static string ArchiveMonth(ReportQuery q, string month, string asOf)
    {
        var page = new HtmlPage($"{F.Month(month)}品牌建设月报", "../");
        page.Heading(1, $"{F.Month(month)} “窑火红”品牌建设月报");
        page.Paragraph("往期数据，按当月的台账计算。", "asof");
        Headline(page, q, month, "school");
        page.Heading(2, "各学院综合得分");
        page.Table($"{F.Month(month)}各学院排名", ["名次", "学院", "综合得分", "等次", "党员参与率", "三会一课按期完成率"],
            q.Run("college_ranking", month, "school").Rows.Select(c => new TableRow(F.Text(c["college_id"]), month,
            [
                new TableCell(F.Text(c["rank"]), IsNumber: true), new TableCell(F.Text(c["college_name"]), IsHeader: true),
                new TableCell(F.Score(c["composite_score"]), "composite_score", IsNumber: true), new TableCell(F.Text(c["grade"]), "grade"),
                new TableCell(F.Percent(c["participation_rate"]), "participation_rate", IsNumber: true),
                new TableCell(F.Percent(c["org_life_compliance"]), "org_life_compliance", IsNumber: true),
            ])));
        page.Raw("<p><a href=\"index.html\">返回往期回顾</a></p>");
        return page.Render(asOf);
    }

    /// <summary>The unit's headline figures of the month as cards.</summary>
    private static void Headline(HtmlPage page, ReportQuery q, string month, string unit)
    {
        var kpis = q.Run("kpis", month, unit).Rows;
        page.Heading(2, "本月主要数据");
        if (kpis.Count == 0 || F.Text(kpis[0]["month_id"]) != month) { page.Paragraph("本月没有数据。"); return; }
        var k = kpis[0];
        page.Cards(unit, month,
        [
            ("综合得分", "composite_score", $"{F.Score(k["composite_score"])}"),
            ("等次", "grade", F.Text(k["grade"])),
            ("在册党员", "n_active_members", F.Count(k["n_active_members"])),
            ("党员参与率", "participation_rate", F.Percent(k["participation_rate"])),
            ("三会一课按期完成率", "org_life_compliance", F.Percent(k["org_life_compliance"])),
            ("七一/八一承诺覆盖率", "pledge_coverage", F.Percent(k["pledge_coverage"])),
            ("承诺事项完成率", "pledge_completion", F.Percent(k["pledge_completion"])),
            ("品牌活动类型覆盖率", "activity_coverage", F.Percent(k["activity_coverage"])),
            ("活动受众（人次）", "reach", F.Count(k["reach"])),
            ("宣传稿件（篇）", "n_publicity_items", F.Count(k["n_publicity_items"])),
        ]);
    }

    private static void BrandProjects(HtmlPage page, IReadOnlyList<Dictionary<string, object?>> brands, string month)
    {
        page.Heading(2, "“一院一品”子品牌");
        if (brands.Count == 0) { page.Paragraph("本月没有子品牌活动记录。"); return; }
        page.Table($"各子品牌本年截至{F.Month(month)}的活动", ["子品牌", "学院", "本月活动", "本年活动", "本年受众（人次）", "本年合作单位"],
            brands.Select(b => new TableRow(F.Text(b["brand_project"]), month,
            [
                new TableCell(F.Text(b["brand_project"]), IsHeader: true),
                new TableCell(F.Text(b["college_name"])),
                new TableCell(F.Count(b["n_activities"]), "n_activities", IsNumber: true),
                new TableCell(F.Count(b["n_activities_ytd"]), "n_activities_ytd", IsNumber: true),
                new TableCell(F.Count(b["reach_ytd"]), "reach_ytd", IsNumber: true),
                new TableCell(F.Count(b["n_partners_ytd"]), "n_partners_ytd", IsNumber: true),
            ])));
    }

    private static void Trend(HtmlPage page, ReportQuery q, string month, string unit, string label, Action<string, string> save)
    {
        var rows = q.Run("site_trend", month, unit).Rows.Reverse().ToList();
        page.Heading(2, "近期走势");
        if (rows.Count == 0) { page.Paragraph("没有月度数据。"); return; }
        var months = rows.Select(r => F.Text(r["month_id"])).ToList();
        var series = new List<(string, IReadOnlyList<double?>)>
        {
            ("综合得分", rows.Select(r => F.Number(r["composite_score"])).ToList()),
            ("党员参与率（%）", rows.Select(r => F.Number(r["participation_rate"]) * 100).ToList()),
            ("三会一课按期完成率（%）", rows.Select(r => F.Number(r["org_life_compliance"]) * 100).ToList()),
        };
        var file = $"assets/trend-{unit}-{month}.svg";
        save(file, SvgChart.Lines($"{label}近{rows.Count}个月走势", months, series));
        page.Figure(page.Root + file, $"{label}近{rows.Count}个月走势：" + string.Join("；", rows.Select(r =>
                $"{F.Month(F.Text(r["month_id"]))}综合得分 {F.Score(r["composite_score"])}、参与率 {F.Percent(r["participation_rate"])}、三会一课 {F.Percent(r["org_life_compliance"])}")),
            $"{F.Month(F.Text(rows[0]["month_id"]))}至{F.Month(F.Text(rows[^1]["month_id"]))}；综合得分满分 100，参与率与按期完成率以百分比表示。");
    }

    private static string Short(string name) => name.Replace("党总支", "");
}
