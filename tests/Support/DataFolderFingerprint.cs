using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Tests.Support;

/// <summary>
/// Everything a pipeline run leaves in a data folder, as comparable lines: every table of the warehouse and the
/// snapshot (row count and a hash of the rows, leaving out only what differs between two honest runs: file ids,
/// wall-clock timestamps, paths of the folder itself, and the last bits of doubles summed in parallel) and every file
/// (path and SHA-256; PDFs without their creation date, which is the time of the last load; reason files by name,
/// since they carry the time of rejection). Two runs that lost or duplicated nothing have equal fingerprints.
/// </summary>
public static class DataFolderFingerprint
{
    // Columns that legitimately differ between a run and its re-run.
    private static readonly HashSet<string> Volatile = ["_file_id", "file_id", "archived_to"];

    // Logs of runs, not data: a re-run adds a line (a second model build after a crash is one more build).
    private static readonly HashSet<string> RunLogs = ["ops.model_builds"];

    public static List<string> Of(string dataDir)
    {
        var lines = new List<string>();
        lines.AddRange(Tables(Path.Combine(dataDir, "warehouse.duckdb"), "warehouse"));
        var snapshot = Path.Combine(dataDir, "snapshot.duckdb");
        if (File.Exists(snapshot)) lines.AddRange(Tables(snapshot, "snapshot"));
        foreach (var file in Directory.EnumerateFiles(dataDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(dataDir, file);
            var name = Path.GetFileName(file);
            if (name.StartsWith("warehouse.duckdb", StringComparison.Ordinal) || name == "snapshot.duckdb") continue;
            // The archive folder is named by the day of the run; what matters is which files are in it.
            if (relative.StartsWith("archive" + Path.DirectorySeparatorChar, StringComparison.Ordinal)) relative = "archive/…/" + name;
            lines.Add(name.EndsWith(".reason.txt", StringComparison.Ordinal) ? $"file {relative}" : $"file {relative} {Sha256(file)}");
        }
        return lines;
    }

    private static IEnumerable<string> Tables(string path, string label)
    {
        using var connection = new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");
        connection.Open();
        return Tables(connection, label, ["core", "history", "ops", "marts"]).ToList();
    }

    /// <summary>Every table and view of the given schemas as a line: row count and a hash of its rows (a mart may be a
    /// view of intermediate tables).</summary>
    public static IEnumerable<string> Tables(DuckDBConnection connection, string label, IReadOnlyList<string> schemas)
    {
        var inSchemas = $"database_name = current_database() and schema_name in ({string.Join(", ", schemas.Select(SqlExtensions.Literal))})";
        var tables = connection.Query($"""
            select schema_name, table_name from duckdb_tables() where {inSchemas}
            union all
            select schema_name, view_name from duckdb_views() where {inSchemas} and not internal
            order by 1, 2
            """, r => (Schema: r.GetString(0), Table: r.GetString(1)));
        foreach (var (schema, table) in tables.Where(t => !RunLogs.Contains($"{t.Schema}.{t.Table}")))
        {
            yield return $"{label} {schema}.{table} {TableFingerprint.Of(connection, null, schema, table, Volatile)}";
        }
    }

    private static string Sha256(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (path.EndsWith(".pdf", StringComparison.Ordinal))
            bytes = Encoding.Latin1.GetBytes(PdfDates.Replace(Encoding.Latin1.GetString(bytes), ""));
        return Convert.ToHexString(SHA256.HashData(bytes))[..16];
    }

    // The document information dates and the /ID derived from them.
    private static readonly Regex PdfDates = new(@"/(CreationDate|ModDate) \(D:[^)]*\)|/ID \[<[0-9a-fA-F]*> ?<[0-9a-fA-F]*>\]", RegexOptions.Compiled);
}
