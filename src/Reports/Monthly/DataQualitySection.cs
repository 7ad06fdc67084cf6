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
