using Analytics.Ingest.Loading;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Service.Stages;

/// <summary>One quarantined cell (or row) as the operator sees it: file, row, column and reason.</summary>
public sealed record QuarantinedCell(string File, long Row, string Column, string Reason);

/// <summary>What one ingest quarantined: rows by reason code, the first cells, and how to see the rest.</summary>
public sealed record QuarantineExcerpt(IReadOnlyList<(string Code, long Rows)> ByReason, IReadOnlyList<QuarantinedCell> First, long Total, string Filter)
{
    public static readonly QuarantineExcerpt None = new([], [], 0, "");

    public static QuarantineExcerpt Of(DuckDBConnection connection, IReadOnlyList<FileOutcome> outcomes, int rows = 12)
    {
        var ids = outcomes.Where(o => o.Status == FileStatus.Loaded && o.RowsQuarantined > 0 && o.FileId is not null).Select(o => o.FileId!.Value).ToList();
        if (ids.Count == 0) return None;
        var inRun = $"file_id in ({string.Join(", ", ids)})";
        var byReason = connection.Query($"select reason_code, count(distinct (file_id, row_no)) from ops.quarantine where {inRun} group by 1 order by 2 desc, 1",
            r => (r.GetString(0), r.GetInt64(1)));
        var first = connection.Query($"select file_name, row_no, coalesce(column_name, ''), reason from ops.quarantine where {inRun} order by file_id, row_no, column_name limit {rows}",
            r => new QuarantinedCell(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3)));
        return new QuarantineExcerpt(byReason, first, connection.Scalar<long>($"select count(*) from ops.quarantine where {inRun}"), inRun);
    }
}
