using System.Globalization;
using Analytics.Reports.Document;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Writing;

/// <summary>
/// 附录 数据说明, for evaluators: the query behind every table and chart of the report and how to run it against the
/// evaluators' snapshot, and the data stamp (the version of the metric definitions, the last load of each ledger, the
/// rows held back, the early-warning model). The only page of a report that names files, queries or model versions.
/// </summary>
internal sealed class AppendixSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        // Read before listing, so that the stamp's own queries are listed too.
        var stamp = x.Rows("data_stamp").Rows.FirstOrDefault();
        var ledgers = x.Rows("data_quality").Rows;
        var model = x.Period.Length == 7 ? WarningModel(x) : null; // a monthly report: the month's model
        var queries = x.QueriesRun.Where(q => q != "metric_labels").ToList();

        SectionParts.Heading(c, "附录  数据说明（供考核组核查）", b => b.Item().Text(
            "本报告的每张表和图都可以在评估快照（snapshot.duckdb，只读）中用下列查询复现：把查询中的 :month、:year、:unit 换成本报告的月份（或年度）和单位编号，" +
            "再用 analytics sql 执行。数据质量、按时报送（其中 :as_of 为本月最后一天）与数据戳读取的是数据仓库的运行记录表和台账表，不在快照中。", Styles.Body));
        c.Item().Text($"本报告：{(x.Period.Length == 7 ? ":month" : ":year")} = '{x.Period}'，:unit = '{x.Unit}'", Styles.Note);
        c.Item().Table(t =>
        {
            t.Columns(1.2f, 4f);
            t.Header("序号", "查询文件");
            foreach (var (q, i) in queries.Select((q, i) => (q, i + 1)))
                t.Row(i.ToString(CultureInfo.InvariantCulture), ReportQuery.Reference(q));
        });
        var (parameter, first) = x.Period.Length == 7 ? (":month", "kpis") : (":year", "year_overview");
        c.Item().Text($"例：analytics sql \"$(sed -e \"s/{parameter}/'{x.Period}'/g\" -e \"s/:unit/'{x.Unit}'/g\" {ReportQuery.Reference(first)})\"", Styles.Note);

        c.Item().ShowEntire().Column(block =>
        {
            block.Item().Padding(0, 8, 0, 0).Text("数据戳", Styles.Body);
            block.Item().Table(t =>
            {
                t.Columns(2f, 4f);
                t.Header("项目", "内容");
                t.Row("数据截至（最近一次导入台账）", x.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                if (stamp is not null)
                {
                    t.Row("指标定义版本", F.Text(stamp["definition_version"]));
                    t.Row("隔离行（全部文件累计）", F.Count(stamp["n_quarantined"]));
                }
                foreach (var r in ledgers) t.Row($"{F.Text(r["ledger"])}最近导入", F.Text(r["last_loaded_on"]));
                if (model is not null) t.Row("预警模型", model);
            });
        }, spacing: 3);
    }

    private static string WarningModel(ReportContext x)
    {
        if (!x.Queries.HasTable("marts", "branch_flags")) return "本月尚未运行预警";
        var rows = x.Rows("warning_model").Rows;
        return rows.Count == 0 ? "本月尚未运行预警"
            : string.Join("；", rows.Select(r => $"{F.Text(r["model_version"])}（{F.Text(r["model_kind"])}，判断 {F.Count(r["n_branches"])} 个支部，预警 {F.Count(r["n_flagged"])} 个）"));
    }
}
