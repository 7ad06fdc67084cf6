using Analytics.Reports.Writing;
using Analytics.Reports.Document;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Monthly;

/// <summary>预警支部: the branches the early warning flags, by which layer, for how long, and why.</summary>
internal sealed class FlagsSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        if (!x.Queries.HasTable("marts", "branch_flags"))
        {
            SectionParts.Heading(c, "三、预警支部", b => b.Item().Text("后进支部预警尚未运行，本报告暂无预警结果。", Styles.Body));
            return;
        }
        var rows = x.Rows("flagged_branches");
        if (rows.Count == 0)
        {
            SectionParts.Heading(c, "三、预警支部", b => b.Item().Text("本月没有支部触发预警。", Styles.Body));
            return;
        }
        var continuing = rows.Rows.Count(r => F.Number(r["months_flagged"]) > 1);
        SectionParts.Heading(c, "三、预警支部", b => b.Item().Text(
            $"本月共 {rows.Count} 个支部触发预警，其中 {continuing} 个已连续两个月以上。规则预警：按期开会、参与、出勤、活动和承诺低于警戒线；模型预警：综合各项指标明显落后于同类支部。", Styles.Body));
        // The follow-up of each warning: escalated to the college (升级督办) or still with the branch.
        var status = x.Queries.HasTable("marts", "branch_warnings")
            ? x.Rows("warning_status").Rows.ToDictionary(r => F.Text(r["branch_id"]), r => r["escalated_month"] is { } e ? $"{F.Month(F.Text(e))}起\n党总支督办" : "支部整改中")
            : [];
        c.Item().Table(t =>
        {
            t.Columns(3f, 1.5f, 1.1f, 1.7f, 5.4f);
            t.Header("支部", "预警类型", "连续月数", "跟进", "原因");
            foreach (var r in rows.Rows)
            {
                string List(object? v, string separator) => v is System.Collections.IEnumerable e and not string ? string.Join(separator, e.Cast<object>()) : "—";
                t.Row(SectionParts.BranchName(x, r["branch_name"]), List(r["layers"], "\n"), F.Count(r["months_flagged"]),
                    status.GetValueOrDefault(F.Text(r["branch_id"]), "—"), List(r["reasons"], "；\n"));
            }
        });
        Measures(c, x);
    }

    /// <summary>整改建议: for each warning reason, the catalogue's measure, its deadline and the branches it concerns.</summary>
    private static void Measures(ColumnDescriptor c, ReportContext x)
    {
        var actions = x.Rows("summary_actions").Rows;
        if (actions.Count == 0) return;
        c.Item().ShowEntire().Column(block =>
        {
            block.Item().Padding(0, 6, 0, 0).Text("整改建议", Styles.Body);
            foreach (var a in actions)
            {
                var names = a["branch_names"] is System.Collections.IEnumerable list and not string
                    ? string.Join("、", list.Cast<object>().Select(n => SectionParts.BranchName(x, n))) : "";
                block.Item().Text($"· {a["measure"]}（{F.Count(a["days"])} 日内；{names}）", Styles.Body);
            }
        }, spacing: 3);
    }
}
