using Analytics.Ingest.Contracts;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Ingest.Reading;

/// <summary>Creates the text staging table (stage_src, seen through the view stage) and bulk-loads rows read in .NET (XLSX, JSON) through the DuckDB Appender.</summary>
public static class StageTable
{
    /// <summary>Stage column names: canonical where the header was recognised, _extra_N for the others.</summary>
    public static List<string> ColumnNames(HeaderMatch header) =>
        header.CanonicalByPosition.Select((c, i) => c ?? $"_extra_{i + 1}").ToList();

    public static void Create(DuckDBConnection connection, IReadOnlyList<string> columns)
    {
        connection.Execute("create or replace temp table stage_src (row_no bigint not null, " +
                           string.Join(", ", columns.Select(c => $"{SqlExtensions.Identifier(c)} varchar")) + ")");
        connection.Execute($"create or replace temp view {StagedFile.Table} as select * from stage_src");
    }

    /// <summary>Appends rows (row number and one text per stage column, null where empty) in one bulk operation.</summary>
    public static long Append(DuckDBConnection connection, IEnumerable<(long RowNo, string?[] Values)> rows)
    {
        long count = 0;
        using var appender = connection.CreateAppender("stage_src");
        foreach (var (rowNo, values) in rows)
        {
            var row = appender.CreateRow().AppendValue(rowNo);
            foreach (var value in values) row.AppendValue(string.IsNullOrEmpty(value) ? null : WithoutNul(value));
            row.EndRow();
            count++;
        }
        return count;
    }

    /// <summary>
    /// The appender passes text as C strings, so a NUL would silently cut the value short. It becomes U+FFFD, as the
    /// cleaning macros make it in CSV: the value is kept, and an identifier holding it is not an identifier.
    /// </summary>
    private static string WithoutNul(string value) => value.Contains('\0') ? value.Replace('\0', '\uFFFD') : value;
}
