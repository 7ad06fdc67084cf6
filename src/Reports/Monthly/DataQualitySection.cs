using Analytics.Reports.Writing;
using Analytics.Reports.Document;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Monthly;

/// <summary>数据质量: what was loaded, what was held back and how fresh each ledger is (from the warehouse's ops tables).</summary>
internal sealed class DataQualitySection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var files = x.Rows("data_quality");
        // Heading, introduction, table and its footnote stay together (seven rows): a heading and its first line
        // alone at the foot of a page, the table over the leaf, read as an empty section.
        SectionParts.Heading(c, "七、数据质量", block =>
        {
            block.Item().Text("各类台账的导入情况（全部文件累计；读入行 = 入库行 + 隔离行 + 重复行）：", Styles.Body);
            if (files.Count == 0)
            {
                SectionParts.Empty(block, "还没有导入任何台账。");
                return;
            }
            block.Item().Table(t =>
            {
                t.Columns(2.4f, 1.1f, 1.6f, 1.6f, 1.4f, 1.4f, 2.3f);
                t.Header("台账", "文件", "读入行", "入库行", "隔离行", "重复行", "最近导入");
                foreach (var r in files.Rows)
                    t.Row(F.Text(r["ledger"]), F.Count(r["n_files"]), F.Count(r["rows_read"]), F.Count(r["rows_loaded"]), F.Count(r["rows_quarantined"]),
                        F.Count(r["duplicates_skipped"]), F.Text(r["last_loaded_on"]));
            });
            block.Item().Text("隔离行逐行注明文件、行号、列和原因，保存在数据仓库中，修正后重新报送即可入库；重复行是同一文件中完全相同的行，只计一次。", Styles.Note);
        });
        if (files.Count == 0) return;
        Timeliness(c, x);
    }

    /// <summary>按时报送: which college is late with which monthly ledger, and for how long, as of the month's end.</summary>
    private static void Timeliness(ColumnDescriptor c, ReportContext x)
    {
        var late = x.Rows("ledger_timeliness");
        if (late.Count == 0)
        {
            c.Item().Text("按时报送：截至本月末，各学院的活动台账和签到表均已按时报送（每月5日前报送上月）。", Styles.Body);
            return;
        }
        var colleges = late.Rows.Select(r => r["college_id"]).Distinct().Count();
        c.Item().ShowEntire().Column(block =>
        {
            block.Item().Text($"按时报送：截至本月末，{colleges} 个学院有台账逾期未报（每月5日前报送上月）。逾期的台账缺了哪几个月，相关指标就少算哪几个月，请督促补报：", Styles.Body);
            block.Item().Table(t =>
            {
                t.Columns(3.2f, 1.6f, 1.8f, 3.4f, 1.4f);
                t.Header("学院", "台账", "最近报送到", "未报月份", "逾期天数");
                foreach (var r in late.Rows)
                    t.Row(F.Text(r["college_name"]), F.Text(r["label"]), r["last_month_sent"] is null ? "从未报送" : F.Text(r["last_month_sent"]),
                        F.Text(r["months_missing"]), F.Count(r["days_overdue"]));
            });
        }, spacing: 3);
    }
}
