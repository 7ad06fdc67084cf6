using System.Security.Cryptography;
using System.Text;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Model;

/// <summary>
/// Whether a build may be incremental, and from which month: for each ledger, the earliest month that its rows loaded
/// since the last build touch, every version of them considered (an activity moved from March to May touches March).
/// A model is recomputed from the earliest month of the ledgers it reads (through the models it reads); one whose
/// ledgers brought nothing is kept as it is. A first build, changed SQL or catalogues, or changed organisation units
/// need a full build.
/// </summary>
/// <param name="FromMonth">yyyy-MM, the earliest month any ledger touches (<see cref="NothingNew"/> when none), or
/// null for a full build.</param>
/// <param name="MaxFileId">The last file loaded now: what this build covers.</param>
/// <param name="FilesAfter">The last file the previous build covered (0 in a full build): file-keyed tables add the
/// files after it.</param>
/// <param name="Touched">Each ledger with rows since the last build (activities, members, pledges, publicity), with
/// the earliest month they touch.</param>
public sealed record IncrementalPlan(string? FromMonth, string Reason, long? MaxFileId, string DefinitionHash, long FilesAfter = 0,
    IReadOnlyDictionary<string, string>? Touched = null)
{
    /// <summary>Later than any month: nothing new, so month-keyed tables keep every row.</summary>
    public const string NothingNew = "9999-12";

    /// <summary>The ledgers the plan follows, each with the tables ingest writes it to. Attendance belongs with the
    /// activities: its rows count in the months of their activities.</summary>
    private static readonly Dictionary<string, string> LedgerOfTable = new(StringComparer.Ordinal)
    {
        ["core.activities"] = "activities", ["raw.activities"] = "activities",
        ["core.attendance"] = "activities", ["raw.attendance"] = "activities",
        ["core.memberships"] = "members", ["raw.members"] = "members",
        ["core.pledges"] = "pledges", ["raw.pledges"] = "pledges",
        ["core.publicity"] = "publicity", ["raw.publicity"] = "publicity",
    };

    /// <summary>The catalogues the definition hash covers: a change to any of them makes a full build.</summary>
    private static readonly string[] Catalogues =
        ["core.activity_type_catalogue", "core.pledge_item_catalogue", "core.org_life_rules", "core.scoring_parameters", "core.academic_calendar", "core.warning_rules", "core.branch_categories"];

    /// <summary>Tables an incremental build never sees changed: a change to them makes a full build.</summary>
    private static readonly HashSet<string> Unchanging = [.. Catalogues, "core.org_units", "raw.org_units"];

    // The month each ledger's new rows touch, over every version of the keys they carry. Core holds each key's latest
    // row and history the rows it replaced, so the activities with rows since the last build are exactly those whose core
    // row came since (their zone maps skip the rest), and their earlier versions are in history: neither is matched
    // against every activity (0.034 → 0.008 s on the large tier).
    private const string TouchedMonths = """
        with new_activities as (select activity_id, held_on from core.activities where _file_id > $w),
        new_publicity as (select distinct item_id from raw.publicity where _file_id > $w)
        select
            (select strftime(min(d), '%Y-%m') from (
                select min(held_on) as d from new_activities
                union all
                -- (an activity moved from March to May touches March)
                select min(held_on) from history.activities where activity_id in (select activity_id from new_activities)
                union all
                -- attendance of activities that brought no row themselves: the month each activity is held in now
                select min(held_on) from core.activities semi join (
                    select distinct activity_id from raw.attendance where _file_id > $w
                    except select activity_id from new_activities) using (activity_id)
            )) as activities,
            -- (a membership's start is part of its key: every version of it has the same)
            (select strftime(min(valid_from), '%Y-%m') from raw.members where _file_id > $w) as members,
            (select strftime(min(make_date(year, 1, 1)), '%Y-%m') from raw.pledges where _file_id > $w) as pledges,
            (select strftime(min(published_on), '%Y-%m') from raw.publicity where item_id in (select item_id from new_publicity)) as publicity
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
        var touched = connection.Query(TouchedMonths.Replace("$w", watermark.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                r => Enumerable.Range(0, r.FieldCount).Where(i => !r.IsDBNull(i)).Select(i => (Ledger: r.GetName(i), Month: r.GetString(i))).ToList())
            .Single().ToDictionary(t => t.Ledger, t => t.Month);
        if (touched.Count == 0)
            return new IncrementalPlan(NothingNew, "no ledger rows since the last build", maxFileId, hash, watermark, touched);
        var from = touched.Values.Min(StringComparer.Ordinal)!;
        return new IncrementalPlan(from, "ledger rows since the last build: " + string.Join(", ", touched.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} from {t.Value}")),
            maxFileId, hash, watermark, touched);
    }

    /// <summary>
    /// The month from which an incremental build recomputes a model that reads these tables (through the models it
    /// reads): the earliest month of the ledgers among them that brought rows; null when none did (the model is kept
    /// as it is). A table the plan does not follow counts as changed from <see cref="FromMonth"/>.
    /// </summary>
    public string? FromMonthOf(IEnumerable<string> sources)
    {
        if (FromMonth is null or NothingNew) return null;
        string? month = null;
        foreach (var source in sources)
        {
            var touched = Unchanging.Contains(source) ? null
                : LedgerOfTable.TryGetValue(source, out var ledger) ? Touched?.GetValueOrDefault(ledger)
                : FromMonth;
            if (touched is not null && (month is null || string.CompareOrdinal(touched, month) < 0)) month = touched;
        }
        return month;
    }

    /// <summary>The models' SQL and the catalogue tables they read: when these change, every month may change.</summary>
    private static string HashOf(DuckDBConnection connection, IReadOnlyList<ModelDefinition> models)
    {
        var text = new StringBuilder();
        foreach (var m in models.OrderBy(m => m.FullName, StringComparer.Ordinal)) text.Append(m.FullName).Append('\n').Append(m.Sql).Append('\n');
        foreach (var table in Catalogues)
            text.Append(connection.Scalar<string>($"select coalesce(string_agg(cast(t as varchar), '|' order by cast(t as varchar)), '') from {table} as t"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
