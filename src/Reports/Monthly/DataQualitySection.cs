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
        SectionParts.Heading(c, "七、数据质量", b =>
            b.Item().Text("各类台账的导入情况（全部文件累计；读入行 = 入库行 + 隔离行 + 重复行）：", Styles.Body));
        if (files.Count == 0) { SectionParts.Empty(c, "还没有导入任何台账。"); return; }
        // The table and its footnote stay together: a note alone at the top of a page explains nothing.
        c.Item().ShowEntire().Column(block =>
        {
            block.Item().Table(t =>
            {
                t.Columns(2.4f, 1.1f, 1.6f, 1.6f, 1.4f, 1.4f, 2.3f);
                t.Header("台账", "文件", "读入行", "入库行", "隔离行", "重复行", "最近导入");
                foreach (var r in files.Rows)
                    t.Row(F.Text(r["ledger"]), F.Count(r["n_files"]), F.Count(r["rows_read"]), F.Count(r["rows_loaded"]), F.Count(r["rows_quarantined"]),
                        F.Count(r["duplicates_skipped"]), F.Text(r["last_loaded_on"]));
            });
            block.Item().Text("隔离行逐行注明文件、行号、列和原因，保存在数据仓库中，修正后重新报送即可入库；重复行是同一文件中完全相同的行，只计一次。", Styles.Note);
        }, spacing: 3);
    }
}
