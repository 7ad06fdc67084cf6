using System.Text.Json;
using System.Text.RegularExpressions;
using Analytics.Warehouse;
using Analytics.Reports.Monthly;
using Analytics.Reports.Writing;
using Analytics.Reports.Site;
using Analytics.Tests.Flags;
using Analytics.Tests.Support;
using Xunit.Abstractions;

namespace Analytics.Tests.Reports;

/// <summary>
/// The website column for the demo's October 2026, checked as files and in a real browser: Debian's Chromium, driven
/// by playwright-core (tests/browser/check-site.mjs), opens it from a server on 127.0.0.1 at desktop and phone widths.
/// </summary>
public class SiteTests(DemoFlagFixture f, ITestOutputHelper log) : IClassFixture<DemoFlagFixture>
{
    private SiteResult Write(string dir) => new SiteWriter(f.Warehouse.Connection, f.Queries).Write(new Month(2026, 10), dir);

    [Fact]
    public void Site_IsSelfContained_AndHoldsNoPersonalData()
    {
        var dir = Path.Combine(f.Warehouse.Root, "site-files");
        var site = Write(dir);

        var pages = site.Files.Where(p => p.EndsWith(".html")).ToList();
        Assert.Equal(1 + 13 + 1 + 22, pages.Count); // overview, 13 colleges, the archive and its 22 months
        var names = f.Warehouse.Connection.Query("select distinct name from core.memberships", r => r.GetString(0));
        var numbers = f.Warehouse.Connection.Query("select distinct member_id from core.memberships", r => r.GetString(0)).ToHashSet();
        Assert.True(names.Count > 1000);
        foreach (var file in site.Files)
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@import", text);
            // Nothing is fetched from elsewhere: the only absolute URL is SVG's namespace name.
            Assert.Empty(Regex.Matches(text, @"(https?:)?//[\w.-]+").Select(m => m.Value).Where(u => u != "http://www.w3.org"));
            Assert.DoesNotContain(names, n => text.Contains(n, StringComparison.Ordinal));
            Assert.DoesNotContain(Regex.Matches(text, @"\b[A-Z]{1,3}\d{4,}\b").Select(m => m.Value), numbers.Contains);
        }
        Assert.Contains("“窑火红”品牌建设月报", File.ReadAllText(Path.Combine(dir, "index.html")));
    }

    [Fact]
    public void ThePublicColumn_ShowsNoBranchGrades_UnlessConfigured_AndItsChartsStayReadableOnAPhone()
    {
        var plain = Path.Combine(f.Warehouse.Root, "site-public");
        Write(plain);
        var college = File.ReadAllText(Path.Combine(plain, "colleges", "C01.html"));
        Assert.DoesNotMatch(@"data-metric=""(grade|composite_score)""[^>]*data-unit=""B", college);
        Assert.DoesNotContain("同类排名", college);

        var configured = Path.Combine(f.Warehouse.Root, "site-graded");
        new SiteWriter(f.Warehouse.Connection, f.Queries, showBranchGrades: true).Write(new Month(2026, 10), configured);
        Assert.Matches(@"data-metric=""grade""[^>]*data-unit=""B", File.ReadAllText(Path.Combine(configured, "colleges", "C01.html")));

        // Drawn about a phone's column wide, so that a 390 px screen shows their labels at (nearly) their size, and
        // every trend says its year.
        foreach (var svg in Directory.GetFiles(Path.Combine(plain, "assets"), "*.svg"))
        {
            var text = File.ReadAllText(svg);
            var width = double.Parse(Regex.Match(text, @"viewBox=""0 0 (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(width <= 400, $"{Path.GetFileName(svg)} is {width} wide");
            Assert.All(Regex.Matches(text, @"font-size=""(\d+)""").Select(m => int.Parse(m.Groups[1].Value)), size => Assert.True(size >= 12, $"{Path.GetFileName(svg)}: {size}"));
            if (Path.GetFileName(svg).StartsWith("trend-")) Assert.Matches(@">20\d\d年<", text);
        }
    }

    [Fact]
    public void InARealBrowser_AtPhoneAndDesktopWidths_EveryPageLoads_NothingLeavesTheMachine_AndTheFiguresAreTheMarts()
    {
        var dir = Path.Combine(f.Warehouse.Root, "site-browser");
        Write(dir);
        var repo = RepositoryRoot();
        var shots = Path.Combine(repo, "tests", "TestResults", "site-screenshots");
        using var server = new StaticFileServer(dir);

        var report = RunBrowserCheck(repo, server.BaseUrl, shots);

        var pages = report.GetProperty("pages").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(Directory.GetFiles(dir, "*.html", SearchOption.AllDirectories).Length, pages.Count); // every page reachable by links
        Assert.All(pages.Values, visits => Assert.Equal(2, visits));                                     // at both widths
        foreach (var problem in new[] { "external", "broken", "anchors", "overflow", "a11y" })
            Assert.True(report.GetProperty(problem).GetArrayLength() == 0, $"{problem}: {report.GetProperty(problem)}");

        var metrics = report.GetProperty("metrics").EnumerateArray().ToList();
        Assert.True(metrics.Count > 1000, $"only {metrics.Count} figures marked");
        var wrong = metrics.Select(m => (Shown: m.GetProperty("text").GetString()!, Expected: Expected(m), Where: m.ToString()))
            .Where(m => m.Shown != m.Expected).Take(5).ToList();
        Assert.True(wrong.Count == 0, "figures that differ from the marts: " + string.Join("; ", wrong.Select(w => $"{w.Where} expected {w.Expected}")));
        log.WriteLine($"{pages.Count} pages at 2 widths, {report.GetProperty("requests").GetInt32()} requests, {metrics.Count} figures checked; screenshots in {shots}");
        Assert.Equal(4, report.GetProperty("screenshots").GetArrayLength());
    }

    /// <summary>What a marked figure must read: the mart's value, formatted as the site formats it.</summary>
    private string Expected(JsonElement m)
    {
        var (metric, unit, month) = (m.GetProperty("metric").GetString()!, m.GetProperty("unit").GetString()!, m.GetProperty("month").GetString()!);
        var (table, key) = unit switch
        {
            "school" => ("school_month", null),
            _ when unit.StartsWith('C') && unit.Length == 3 => ("college_month", "college_id"),
            _ when unit.StartsWith('B') && unit.Length == 5 => ("branch_month", "branch_id"),
            _ => ("brand_project_month", "brand_project"),
        };
        if (!Regex.IsMatch(metric, "^[a-z_]+$")) throw new ArgumentException(metric);
        var sql = $"select {metric} from marts.{table} where month_id = ?" + (key is null ? "" : $" and {key} = ?");
        var value = f.Warehouse.Connection.Query(sql, r => r.IsDBNull(0) ? null : r.GetValue(0), key is null ? [month] : [month, unit]).Single();
        return metric switch
        {
            "grade" => Format.Text(value),
            "composite_score" => Format.Score(value),
            _ when metric.EndsWith("_rate") || metric is "org_life_compliance" or "pledge_coverage" or "pledge_completion" or "activity_coverage" => Format.Percent(value),
            _ => Format.Count(value),
        };
    }

    private static JsonElement RunBrowserCheck(string repo, string baseUrl, string shots)
    {
        var browserDir = Path.Combine(repo, "tests", "browser");
        try
        {
            if (!Directory.Exists(Path.Combine(browserDir, "node_modules", "playwright-core")))
                Tool.Run("npm", browserDir, TimeSpan.FromMinutes(3), check: true, "ci", "--no-audit", "--no-fund");
            var output = Tool.Run("node", browserDir, TimeSpan.FromMinutes(4), check: true, "check-site.mjs", baseUrl, shots);
            return JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException(ex.Message + "\nThe browser test needs Debian's chromium and node with npm (.ci/run installs them).", ex);
        }
    }


    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Analytics.sln"))) return dir.FullName;
        throw new InvalidOperationException("Analytics.sln not found above " + AppContext.BaseDirectory);
    }
}
