using System.Globalization;
using System.Security.Cryptography;
using Analytics.Ingest.Catalogues;
using Analytics.Ingest.Loading;
using Analytics.Ingest.Reading;
using Analytics.Model;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Service.Stages;

/// <summary>What a rebuild did: how many files it replayed, whether the result equals the warehouse it replaces, where each file went.</summary>
public sealed record RebuildRun(
    int FilesReplayed,
    bool CurrentWasReadable,
    IReadOnlyList<string> Differences,
    IReadOnlyList<string> Missing,
    bool SwappedIn,
    string RebuiltPath,
    string? KeptAsidePath,
    TimeSpan Elapsed)
{
    /// <summary>Seconds per phase: replaying, comparing, carrying over, swapping.</summary>
    public IReadOnlyDictionary<string, double> PhaseSeconds { get; init; } = new Dictionary<string, double>();
}

/// <summary>
/// A warehouse replayed from the archive: every ledger file ever loaded (archive/) or refused (rejected/), in its
/// original order and with the day it arrived as "today", ingested into a new warehouse file beside the current one.
/// The new file is swapped in when it holds exactly what the current one holds (every ledger table and ingest record,
/// row for row), or when the current one cannot be opened at all; otherwise it is left beside it with the differences
/// named, and <c>force</c> swaps it in anyway (how a changed contract is applied to history). What the archive cannot
/// give (model builds, flags, warnings and alerts) is carried over from a readable current warehouse.
/// </summary>
public sealed class WarehouseRebuild(AnalyticsSettings settings)
{
    /// <summary>The tables replaying the archive must reproduce: the ledgers, current and replaced, and ingest's records.</summary>
    public static readonly string[] LedgerSchemas = ["core", "history"];
    public static readonly string[] IngestRecords = ["ops.ingested_files", "ops.quarantine", "ops.skipped_rows", "ops.duplicate_rows"];

    /// <summary>Ids and paths differ between a run and its replay and say nothing about the facts.</summary>
    private static readonly HashSet<string> Volatile = ["_file_id", "file_id", "archived_to"];

    /// <summary>Tables of the ledger schemas derived from others compared beside them: the catalogues' content hash
    /// (and a warehouse older than it has none).</summary>
    private static readonly string[] Derived = ["core.catalogue_version"];

    private sealed record ArchivedFile(string Path, string OriginalName, string Hash, DateTimeOffset ArrivedAt);

    public RebuildRun Run(bool force, Action<string>? progress = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var phases = new Dictionary<string, double>();
        var phaseWatch = System.Diagnostics.Stopwatch.StartNew();
        void EndPhase(string name) { phases[name] = phaseWatch.Elapsed.TotalSeconds; phaseWatch.Restart(); }
        var current = Path.GetFullPath(settings.Warehouse);
        var work = Path.Combine(Path.GetDirectoryName(current)!, "rebuild");
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        var replay = IngestOptions.Under(work) with { HeaderAliases = settings.HeaderAliases };
        var rebuilt = Path.Combine(work, "warehouse.duckdb");

        var history = ReadHistory(current);
        List<(ArchivedFile File, DateTimeOffset At)> plan;
        var missing = new List<string>();
        if (history is not null)
        {
            // The order the current warehouse recorded, file by file: each file where the warehouse says it put it.
            // Only when that path is gone (the folders moved) is the archive hashed to find the file by its content:
            // hashing every kept file took as long as 6% of the replay. A file changed in place since is replayed
            // as it now is, and the comparison (ingest's records hold each file's hash) names the difference.
            Dictionary<string, ArchivedFile>? byHash = null;
            plan = [];
            foreach (var (hash, name, startedAt, archivedTo) in history)
            {
                if (archivedTo is not null && File.Exists(archivedTo) && IsKept(archivedTo))
                {
                    plan.Add((new ArchivedFile(archivedTo, name, hash, startedAt), startedAt));
                    continue;
                }
                if (hash.Length == 0) // nothing to find it by
                {
                    missing.Add(name);
                    continue;
                }
                byHash ??= Index(progress).GroupBy(f => f.Hash).ToDictionary(g => g.Key, g => g.First());
                if (byHash.TryGetValue(hash, out var file)) plan.Add((file with { OriginalName = name }, startedAt));
                else missing.Add(name);
            }
        }
        else
            // No record left: the archive's own order, by day (a day's runs: RunsOfADay).
            plan = Index(progress).OrderBy(f => f.ArrivedAt).Select(f => (f, f.ArrivedAt)).ToList();

        // The current warehouse's side of the comparison is taken while the replay runs, on a connection of its own
        // with one thread: the replay leaves a core idle in its single-threaded stretches (hashing each file, the key
        // screen, the small files' many short statements), and the comparison then has only the rebuilt side to read.
        var currentFingerprints = history is null ? null
            : Task.Factory.StartNew(() => Fingerprints(current, threads: 1), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            Replay(plan, history is not null, replay, rebuilt, progress);
        }
        catch
        {
            try { currentFingerprints?.Wait(); } catch (AggregateException) { } // the replay's failure is the one to report
            throw;
        }

        EndPhase("replaying");
        var differences = currentFingerprints is null ? [] : Compare(Fingerprints(rebuilt, threads: null), currentFingerprints.GetAwaiter().GetResult());
        EndPhase("comparing");
        var swap = history is null || force || (differences.Count == 0 && missing.Count == 0);
        string? aside = null;
        if (swap)
        {
            if (history is not null) CarryOver(rebuilt, current);
            EndPhase("carrying over");
            aside = current + (history is null ? ".unreadable" : ".before-rebuild");
            if (File.Exists(current)) File.Move(current, aside, overwrite: true);
            if (File.Exists(current + ".wal")) File.Move(current + ".wal", aside + ".wal", overwrite: true);
            File.Move(rebuilt, current);
            Directory.Delete(work, recursive: true);
            EndPhase("swapping");
        }
        return new RebuildRun(plan.Count, history is not null, differences, missing, swap, swap ? current : rebuilt, aside, watch.Elapsed)
            { PhaseSeconds = phases };
    }

    /// <summary>The files ingested into a new warehouse at <paramref name="rebuilt"/>: one file per run, at the time it
    /// was first loaded, when the current warehouse recorded the order; a day's runs otherwise.</summary>
    private void Replay(List<(ArchivedFile File, DateTimeOffset At)> plan, bool recordedOrder, IngestOptions replay, string rebuilt, Action<string>? progress)
    {
        var catalogue = Catalogue.Load(Catalogue.Locate(settings.CataloguesDir));
        using var connection = WarehouseSchema.Open(rebuilt, TimeProvider.System, settings.MemoryLimit);
        using var probes = new ProbesAhead(plan.Select(p => p.File.Path));
        var groups = recordedOrder
            ? plan.Select(p => new List<(ArchivedFile File, DateTimeOffset At)> { p }).ToList()
            : plan.GroupBy(p => BusinessClock.Local(p.At).Date).SelectMany(RunsOfADay).ToList();
        var done = 0;
        foreach (var group in groups)
        {
            Directory.CreateDirectory(replay.InboxDir);
            var originals = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (file, _) in group)
            {
                ArchiveLink.LinkOrCopy(file.Path, Path.Combine(replay.InboxDir, file.OriginalName));
                originals[file.OriginalName] = file.Path;
            }
            var at = group[0].At;
            var clock = new ShiftedClock(TimeProvider.System, at - TimeProvider.System.GetUtcNow());
            var outcomes = new InboxIngestor(connection, catalogue, replay, clock,
                path => originals.TryGetValue(Path.GetFileName(path), out var kept) ? probes.Probe(path, kept) : FileProbe.Probe(path)).Run();
            // The replay moved each file within its own folder: its records name where the file is kept for good.
            foreach (var outcome in outcomes)
                if (outcome.MovedTo is { } movedTo && originals.TryGetValue(outcome.FileName, out var original))
                    connection.Execute("update ops.ingested_files set archived_to = ? where archived_to = ?", original, movedTo);
            done += group.Count;
            progress?.Invoke($"replayed {done} of {plan.Count} files ({BusinessClock.Local(at):yyyy-MM-dd})");
        }
    }

    /// <summary>A day's files as one run, in the order they were written (as the ingest orders a kind's files), except
    /// that two kept under one name (a correction sent the same day) cannot share the replay's inbox: the later one
    /// starts the day's next run.</summary>
    private static IEnumerable<List<(ArchivedFile File, DateTimeOffset At)>> RunsOfADay(IEnumerable<(ArchivedFile File, DateTimeOffset At)> day)
    {
        var run = new List<(ArchivedFile File, DateTimeOffset At)>();
        foreach (var entry in day.OrderBy(e => File.GetLastWriteTimeUtc(e.File.Path)).ThenBy(e => e.File.Path, StringComparer.Ordinal))
        {
            if (run.Any(e => e.File.OriginalName == entry.File.OriginalName))
            {
                yield return run;
                run = [];
            }
            run.Add(entry);
        }
        if (run.Count > 0) yield return run;
    }

    /// <summary>Every ledger file kept: archived ones (not their 问题清单) and refused ones (not their reasons), by content.</summary>
    private List<ArchivedFile> Index(Action<string>? progress)
    {
        var options = settings.Ingest;
        var files = new List<ArchivedFile>();
        if (Directory.Exists(options.ArchiveDir))
            foreach (var day in Directory.EnumerateDirectories(options.ArchiveDir).Order(StringComparer.Ordinal))
            {
                if (!DateOnly.TryParseExact(Path.GetFileName(day), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) continue;
                // The archive folder is the day the file was loaded: noon of that day stands for "today" in its checks.
                var noon = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), BusinessClock.Zone.GetUtcOffset(date.ToDateTime(new TimeOnly(12, 0))));
                files.AddRange(Directory.EnumerateFiles(day).Where(InboxFiles.IsKeptLedger).Select(p => Describe(p, noon)));
            }
        if (Directory.Exists(options.RejectedDir))
            files.AddRange(Directory.EnumerateFiles(options.RejectedDir).Where(InboxFiles.IsKeptLedger)
                .Select(p => Describe(p, File.Exists(p + ".reason.txt") ? File.GetLastWriteTimeUtc(p + ".reason.txt") : File.GetLastWriteTimeUtc(p))));
        progress?.Invoke($"{files.Count} files in the archive and the rejected folder");
        return files;
    }

    /// <summary>A kept file: its content hash, and its name as sent (a name taken in the archive carries the hash's first 8 digits).</summary>
    private static ArchivedFile Describe(string path, DateTimeOffset arrivedAt)
    {
        using var stream = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        var name = Path.GetFileName(path);
        var suffix = "." + hash[..8];
        var stem = Path.GetFileNameWithoutExtension(name);
        if (stem.EndsWith(suffix, StringComparison.Ordinal)) name = stem[..^suffix.Length] + Path.GetExtension(name);
        return new ArchivedFile(path, name, hash, arrivedAt);
    }

    /// <summary>A path inside the archive or the rejected folder, not a 问题清单 or a reason beside a file.</summary>
    private bool IsKept(string path)
    {
        var full = Path.GetFullPath(path);
        bool Under(string dir) => full.StartsWith(Path.GetFullPath(dir) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return (Under(settings.Ingest.ArchiveDir) || Under(settings.Ingest.RejectedDir)) && InboxFiles.IsKeptLedger(full);
    }

    /// <summary>The files the current warehouse recorded, in the order it first recorded each, with where it put the
    /// file; null when the warehouse cannot be opened.</summary>
    private static List<(string Hash, string Name, DateTimeOffset StartedAt, string? ArchivedTo)>? ReadHistory(string current)
    {
        if (!File.Exists(current)) return null;
        try
        {
            using var connection = new DuckDBConnection($"DataSource={current};ACCESS_MODE=READ_ONLY");
            connection.Open();
            // One entry per file kept (a workbook's sheets share one), by where its records say it is: the same content
            // refused twice is two files in rejected/ and two records, and a file refused before it could be read
            // (empty) has no hash. Records that never learnt where their file went (a crash between loading and
            // archiving) are found by their content.
            return connection.Query("""
                select arg_min(content_hash, file_id), arg_min(file_name, file_id), min(started_at), arg_min(archived_to, file_id)
                from ops.ingested_files
                group by coalesce('path:' || archived_to, 'hash:' || content_hash)
                order by min(file_id)
                """, r => (r.GetString(0), r.GetString(1), new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(2), DateTimeKind.Utc)), r.GetStringOrNull(3)));
        }
        catch (Exception ex) when (ex is DuckDBException or InvalidOperationException)
        {
            // A warehouse another process holds open (the scheduled service) is not damaged: replacing it now would
            // set aside the file that process is writing.
            if (ex.Message.Contains("Could not set lock", StringComparison.Ordinal))
                throw new InvalidOperationException($"The warehouse '{current}' is open in another process ({ex.Message.Split('\n')[0]}): " +
                                                    "stop it (the scheduled service) and run 'analytics rebuild' again.", ex);
            return null;
        }
    }

    /// <summary>The fingerprint of every table a replay must reproduce, read from the warehouse file at
    /// <paramref name="path"/> (not open elsewhere for writing).</summary>
    /// <param name="threads">DuckDB threads for the reading; null for DuckDB's default (every core).</param>
    private static Dictionary<string, string> Fingerprints(string path, int? threads)
    {
        using var connection = new DuckDBConnection($"DataSource={path};ACCESS_MODE=READ_ONLY");
        connection.Open();
        if (threads is { } n) connection.Execute($"set threads = {n}");
        var tables = connection.Query($"""
            select schema_name, table_name from duckdb_tables()
            where database_name = current_database()
              and schema_name || '.' || table_name not in ({string.Join(", ", Derived.Select(SqlExtensions.Literal))})
              and (schema_name in ({string.Join(", ", LedgerSchemas.Select(SqlExtensions.Literal))})
                   or schema_name || '.' || table_name in ({string.Join(", ", IngestRecords.Select(SqlExtensions.Literal))}))
            order by 1, 2
            """, r => (Schema: r.GetString(0), Table: r.GetString(1)));
        return tables.ToDictionary(t => $"{t.Schema}.{t.Table}", t => TableFingerprint.Of(connection, null, t.Schema, t.Table, Volatile), StringComparer.Ordinal);
    }

    /// <summary>The tables that differ between the rebuilt warehouse and the current one, each with both fingerprints
    /// (a table on one side only differs too).</summary>
    private static List<string> Compare(Dictionary<string, string> rebuilt, Dictionary<string, string> current) =>
        rebuilt.Keys.Union(current.Keys).Order(StringComparer.Ordinal)
            .Select(table => (Table: table, Ours: rebuilt.GetValueOrDefault(table, "absent"), Theirs: current.GetValueOrDefault(table, "absent")))
            .Where(t => t.Ours != t.Theirs)
            .Select(t => $"{t.Table}: rebuilt {t.Ours}, current {t.Theirs}")
            .ToList();

    /// <summary>What the archive cannot give is copied from the current warehouse: builds, flags, warnings, alerts, job
    /// runs, and the marts other stages write (the flags'). The models' tables are not: the full build that follows a
    /// rebuild makes them again from the replayed ledgers (copying member_month alone took 3.8 s), and until it has, the
    /// missing tables make any build a full one.</summary>
    private void CarryOver(string rebuilt, string current)
    {
        var models = ModelDiscovery.Discover(settings.Queries).Select(m => m.FullName).ToHashSet(StringComparer.Ordinal);
        using var connection = WarehouseDatabase.Connect(rebuilt);
        connection.Execute($"attach {SqlExtensions.Literal(current)} as cur (read_only)");
        var tables = connection.Query($"""
            select schema_name, table_name from duckdb_tables()
            where database_name = 'cur' and schema_name in ('ops', 'marts')
              and schema_name || '.' || table_name not in ({string.Join(", ", IngestRecords.Append("ops.schema_version").Select(SqlExtensions.Literal))})
            order by 1, 2
            """, r => (Schema: r.GetString(0), Table: r.GetString(1))).Where(t => !models.Contains($"{t.Schema}.{t.Table}")).ToList();
        connection.InTransaction(() =>
        {
            foreach (var (schema, table) in tables)
            {
                var target = $"{SqlExtensions.Identifier(schema)}.{SqlExtensions.Identifier(table)}";
                var exists = connection.Scalar<bool>("select exists (select 1 from duckdb_tables() where database_name = current_database() and schema_name = ? and table_name = ?)", schema, table);
                if (exists) connection.Execute($"delete from {target}; insert into {target} select * from cur.{target}");
                else connection.Execute($"create schema if not exists {SqlExtensions.Identifier(schema)}; create table {target} as select * from cur.{target}");
            }
        });
        connection.Execute("checkpoint");
    }
}
