using System.Globalization;
using Analytics.Ingest.Catalogues;
using Analytics.Ingest.Contracts;
using Analytics.Ingest.Reading;
using Analytics.Warehouse;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

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
                // A link could point anywhere on the machine; only files put in the inbox themselves are read.
                if (new FileInfo(path).LinkTarget is { } linkTarget)
                    throw new LedgerFormatException($"it is a symbolic link (to {linkTarget}); put the file itself in the inbox");
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
            catch (DuckDBException ex) when (IsInputError(ex))
            {
                // The file's text defeated the reader itself (the transaction is rolled back): the file is refused,
                // not the run. Errors of the machine (memory, disk) still stop the run and leave the file in the inbox.
                outcomes.Add(Reject(file.Path, file, "the warehouse could not read it: " + ex.Message.Split('\n')[0]));
            }
        }
        return outcomes;
    }

    private static bool IsInputError(DuckDBException ex) =>
        ex.ErrorType is DuckDBErrorType.InvalidInput or DuckDBErrorType.Conversion or DuckDBErrorType.OutOfRange;

    private static bool IsLedgerCandidate(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith('.') && !name.StartsWith("~$", StringComparison.Ordinal)
               && !SkippedSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    private FileOutcome Reject(string path, ProbedFile? probed, string reason)
    {
        var name = Path.GetFileName(path);
        var now = clock.GetUtcNow();
        var hash = probed?.ContentHash ?? "";
        var format = probed is null ? null : LedgerFileLoader.Format(probed);
        // Recorded first, then moved: a run killed in between left a record naming a file that never arrived there.
        // That record is this one, so it is replaced rather than doubled, and nothing is ever unrecorded.
        var target = Destination(path, options.RejectedDir, probed?.ContentHash);
        connection.InTransaction(() =>
        {
            connection.Execute("""
                delete from ops.ingested_files where status = 'rejected' and file_name = ? and content_hash = ? and archived_to = ?
                """, name, hash, target);
            connection.Execute("""
                insert into ops.ingested_files
                values (nextval('ops.file_id_seq'), ?, ?, null, ?, ?, 'rejected', 0, 0, 0, 0, null, ?, ?, ?, ?)
                """, name, hash, format, probed?.Encoding, reason, target, now, now);
        });
        MoveTo(path, target);
        File.WriteAllText(target + ".reason.txt",
            $"{name}: {reason}{Environment.NewLine}Rejected at {BusinessClock.Local(now).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)}. " +
            $"Fix the file and put it back in the inbox.{Environment.NewLine}");
        return new FileOutcome(name, FileStatus.Rejected, null, format, probed?.Encoding, 0, 0, 0, 0, reason, target);
    }

    private string Archive(ProbedFile file)
    {
        var target = Destination(file.Path,
            Path.Combine(options.ArchiveDir, BusinessClock.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), file.ContentHash);
        MoveTo(file.Path, target);
        return target;
    }

    /// <summary>Where a file goes in a folder: its own name, or with its hash in the name when that name is taken.</summary>
    private static string Destination(string path, string folder, string? hash)
    {
        var name = Path.GetFileName(path);
        var plain = Path.Combine(folder, name);
        if (!File.Exists(plain)) return plain;
        var suffix = hash is { Length: >= 8 } ? hash[..8] : Guid.NewGuid().ToString("N")[..8];
        return Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)}.{suffix}{Path.GetExtension(name)}");
    }

    /// <summary>Moves a file, never overwriting: a hashed name that exists already holds the same content.</summary>
    private static void MoveTo(string path, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target)) File.Delete(path);
        else File.Move(path, target);
    }
}
