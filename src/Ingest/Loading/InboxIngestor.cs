using System.Globalization;
using Analytics.Ingest.Catalogues;
using Analytics.Ingest.Contracts;
using Analytics.Ingest.Reading;
using Analytics.Ingest.Time;
using Analytics.Ingest.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Ingest.Loading;

/// <summary>
/// Ingests every file waiting in the inbox, in dependency order (org units before members before activities …)
/// and, within a kind, in order of arrival (modification time, then name).
/// Each file is committed in one transaction and only then moved to the archive, so a crash leaves all or nothing
/// of a file and the next run finishes the job; a file whose content was committed before is only archived.
/// </summary>
public sealed class InboxIngestor(DuckDBConnection connection, Catalogue catalogue, IngestOptions options, TimeProvider clock)
{
    private static readonly string[] SkippedSuffixes = [".tmp", ".part", ".crdownload", ".reason.txt"];

    public IReadOnlyList<FileOutcome> Run(IProgress<IngestProgress>? progress = null, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(options.InboxDir);
        var matcher = new HeaderMatcher(options.HeaderAliases);
        var today = BusinessClock.Today(clock);

        catalogue.WriteTo(connection);
        SqlFunctions.Install(connection, catalogue);

        var outcomes = new List<FileOutcome>();
        var ready = new List<(ProbedFile File, HeaderMatch Header)>();
        var paths = Directory.EnumerateFiles(options.InboxDir).Where(IsLedgerCandidate).Order(StringComparer.Ordinal).ToList();
        foreach (var path in paths)
        {
            cancellation.ThrowIfCancellationRequested();
            ProbedFile? probed = null;
            try
            {
                probed = FileProbe.Probe(path);
                ready.Add((probed, matcher.Match(HeaderPeek.Read(probed))));
            }
            catch (LedgerFormatException ex)
            {
                outcomes.Add(Reject(path, probed, ex.Message));
            }
        }

        // Within a kind, files load in the order they arrived, so a later export updates an earlier one.
        var ordered = ready.OrderBy(r => r.Header.Contract.Kind)
            .ThenBy(r => File.GetLastWriteTimeUtc(r.File.Path))
            .ThenBy(r => r.File.FileName, StringComparer.Ordinal).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var (file, header) = ordered[i];
            var index = i + 1;
            progress?.Report(new IngestProgress(index, ordered.Count, file.FileName, "checking"));
            var previous = connection.Scalar<long?>(
                "select min(file_id) from ops.ingested_files where content_hash = ? and status = 'loaded'", file.ContentHash);
            if (previous is { } fileId)
            {
                var moved = Archive(file);
                outcomes.Add(new FileOutcome(file.FileName, FileStatus.AlreadyIngested, header.Contract.Name, LedgerFileLoader.Format(file),
                    file.Encoding, 0, 0, 0, 0, $"same content as file #{fileId}, ingested before; nothing changed", moved, fileId));
                continue;
            }
            try
            {
                var loader = new LedgerFileLoader(connection, clock, options.WorkDir);
                var outcome = loader.Load(file, header, today, phase => progress?.Report(new IngestProgress(index, ordered.Count, file.FileName, phase)));
                outcomes.Add(outcome with { MovedTo = Archive(file) });
            }
            catch (LedgerFormatException ex)
            {
                outcomes.Add(Reject(file.Path, file, ex.Message));
            }
        }
        return outcomes;
    }

    private static bool IsLedgerCandidate(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith('.') && !name.StartsWith("~$", StringComparison.Ordinal)
               && !SkippedSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    private FileOutcome Reject(string path, ProbedFile? probed, string reason)
    {
        var name = Path.GetFileName(path);
        var message = $"{name}: {reason}";
        var now = clock.GetUtcNow();
        var target = MoveTo(path, options.RejectedDir, probed?.ContentHash);
        File.WriteAllText(target + ".reason.txt",
            $"{message}{Environment.NewLine}Rejected at {BusinessClock.Local(now).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)}. " +
            $"Fix the file and put it back in the inbox.{Environment.NewLine}");
        connection.Execute("""
            insert into ops.ingested_files
            values (nextval('ops.file_id_seq'), ?, ?, null, ?, ?, 'rejected', 0, 0, 0, 0, null, ?, ?, ?, ?)
            """, name, probed?.ContentHash ?? "", probed is null ? null : LedgerFileLoader.Format(probed), probed?.Encoding, reason, target, now, now);
        return new FileOutcome(name, FileStatus.Rejected, null, probed is null ? null : LedgerFileLoader.Format(probed), probed?.Encoding,
            0, 0, 0, 0, reason, target);
    }

    private string Archive(ProbedFile file) =>
        MoveTo(file.Path, Path.Combine(options.ArchiveDir, BusinessClock.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), file.ContentHash);

    /// <summary>Moves a file into a folder without ever overwriting a different file of the same name.</summary>
    private static string MoveTo(string path, string folder, string? hash)
    {
        Directory.CreateDirectory(folder);
        var name = Path.GetFileName(path);
        var target = Path.Combine(folder, name);
        if (File.Exists(target))
        {
            var stem = Path.GetFileNameWithoutExtension(name);
            var suffix = hash is { Length: >= 8 } ? hash[..8] : Guid.NewGuid().ToString("N")[..8];
            target = Path.Combine(folder, $"{stem}.{suffix}{Path.GetExtension(name)}");
            if (File.Exists(target)) { File.Delete(path); return target; } // the same content is already there
        }
        File.Move(path, target);
        return target;
    }
}
