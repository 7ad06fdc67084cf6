using System.Security.Cryptography;
using System.Text;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Model;

/// <summary>
/// Whether a build may be incremental, and from which month: the earliest month that ledger rows loaded since the
/// last build touch, every version of them considered (an activity moved from March to May touches March). A first
/// build, changed SQL or catalogues, or changed organisation units need a full build.
/// </summary>
/// <param name="FromMonth">yyyy-MM, or null for a full build.</param>
/// <param name="MaxFileId">The last file loaded now: what this build covers.</param>
/// <param name="FilesAfter">The last file the previous build covered (0 in a full build): file-keyed tables add the
/// files after it.</param>
public sealed record IncrementalPlan(string? FromMonth, string Reason, long? MaxFileId, string DefinitionHash, long FilesAfter = 0)
{
    /// <summary>Later than any month: nothing new, so month-keyed tables keep every row.</summary>
    public const string NothingNew = "9999-12";

    // The month each ledger's new rows touch, over every version of the keys they carry.
    private const string TouchedMonths = """
        with new_activities as (select distinct activity_id from raw.activities where _file_id > $w),
        new_publicity as (select distinct item_id from raw.publicity where _file_id > $w)
        select strftime(min(d), '%Y-%m') from (
            select min(held_on) as d from raw.activities where activity_id in (select activity_id from new_activities)
            union all
            -- (the new rows' activities first: a few thousand, where joining each attendance row cost 0.1 s on the large tier)
            select min(held_on) from core.activities semi join (select distinct activity_id from raw.attendance where _file_id > $w) using (activity_id)
            union all
            select min(valid_from) from raw.members where _file_id > $w
            union all
            select min(make_date(year, 1, 1)) from raw.pledges where _file_id > $w
            union all
            select min(published_on) from raw.publicity where item_id in (select item_id from new_publicity)
        )
        """;

    /// <param name="incremental">False when a full build was asked for: only what the build records is worked out.</param>
    public static IncrementalPlan Decide(DuckDBConnection connection, IReadOnlyList<ModelDefinition> models, bool incremental = true)
    {
        var hash = HashOf(connection, models);
        var maxFileId = connection.Scalar<long?>("select max(file_id) from ops.ingested_files");
        if (!incremental) return new IncrementalPlan(null, "a full build was asked for", maxFileId, hash);
        var last = connection.Query("select max_file_id, definition_hash from ops.model_builds order by build_id desc limit 1",
            r => (FileId: r.IsDBNull(0) ? (long?)null : r.GetInt64(0), Hash: r.GetString(1))).SingleOrDefault();
        if (last.Hash is null) return new IncrementalPlan(null, "first build", maxFileId, hash);
        if (last.Hash != hash) return new IncrementalPlan(null, "the models' SQL or the catalogues changed", maxFileId, hash);
        // A table the last build made is gone (a warehouse rebuilt from the archive carries none over, its file ids
        // renumbered; a table dropped by hand): what the recorded build covered is no longer there.
        var tables = connection.Query("select schema_name || '.' || table_name from duckdb_tables() where database_name = current_database()", r => r.GetString(0)).ToHashSet();
        if (models.FirstOrDefault(m => m.IsTable && !tables.Contains(m.FullName)) is { } gone)
            return new IncrementalPlan(null, $"{gone.FullName} is missing", maxFileId, hash);
        var watermark = last.FileId ?? 0;
        if (connection.Scalar<bool>("select exists (select 1 from raw.org_units where _file_id > ?)", watermark))
            return new IncrementalPlan(null, "organisation units changed", maxFileId, hash);
        var from = connection.Scalar<string?>(TouchedMonths.Replace("$w", watermark.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return from is null
            ? new IncrementalPlan(NothingNew, "no ledger rows since the last build", maxFileId, hash, watermark)
            : new IncrementalPlan(from, $"ledger rows since the last build touch {from} and later", maxFileId, hash, watermark);
    }

    /// <summary>The models' SQL and the catalogue tables they read: when these change, every month may change.</summary>
    private static string HashOf(DuckDBConnection connection, IReadOnlyList<ModelDefinition> models)
    {
        var text = new StringBuilder();
        foreach (var m in models.OrderBy(m => m.FullName, StringComparer.Ordinal)) text.Append(m.FullName).Append('\n').Append(m.Sql).Append('\n');
        foreach (var table in new[] { "core.activity_type_catalogue", "core.pledge_item_catalogue", "core.org_life_rules", "core.scoring_parameters", "core.academic_calendar", "core.warning_rules", "core.branch_categories" })
            text.Append(connection.Scalar<string>($"select coalesce(string_agg(cast(t as varchar), '|' order by cast(t as varchar)), '') from {table} as t"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
