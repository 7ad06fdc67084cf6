using System.Globalization;
using Analytics.Ingest.Catalogues;
using Analytics.Ingest.Contracts;
using Analytics.Ingest.Feedback;
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
/// <param name="probe">How a file is hashed and its format and encoding told (<see cref="FileProbe.Probe"/>); a caller
/// that probed its files ahead (a rebuild) gives the results.</param>
public sealed class InboxIngestor(DuckDBConnection connection, Catalogue catalogue, IngestOptions options, TimeProvider clock, Func<string, ProbedFile>? probe = null)
{
    public IReadOnlyList<FileOutcome> Run(IProgress<IngestProgress>? progress = null, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(options.InboxDir);
        var matcher = new HeaderMatcher(options.HeaderAliases);
        var today = BusinessClock.Today(clock);

        catalogue.WriteTo(connection);
        SqlFunctions.Install(connection, catalogue);

        var outcomes = new List<FileOutcome>();
        var files = new List<LedgerFile>();
        var paths = Directory.EnumerateFiles(options.InboxDir).Where(InboxFiles.IsLedgerCandidate).Order(StringComparer.Ordinal).ToList();
        foreach (var path in paths)
        {
            cancellation.ThrowIfCancellationRequested();
            if (options.SettleTime > TimeSpan.Zero && IsStillArriving(path))
            {
                outcomes.Add(new FileOutcome(Path.GetFileName(path), FileStatus.StillArriving, null, null, null, 0, 0, 0, 0,
                    $"still being written (changed within the last {options.SettleTime.TotalSeconds:0.#} s): left for the next look", null));
                continue;
            }
            ProbedFile? probed = null;
            try
            {
                // A link could point anywhere on the machine; only files put in the inbox themselves are read.
                if (new FileInfo(path).LinkTarget is { } linkTarget)
                    throw new LedgerFormatException($"it is a symbolic link (to {linkTarget}); put the file itself in the inbox");
                probed = (probe ?? FileProbe.Probe)(path);
                files.Add(LedgerParts.Open(probed, matcher));
            }
            catch (LedgerFormatException ex)
            {
                outcomes.Add(Reject(path, probed, ex.Message));
            }
        }

        // Within a kind, files load in the order they arrived, so a later export updates an earlier one; a workbook's
        // sheets load in the order of the sheets.
        var ordered = files
            .SelectMany(f => f.Parts.Select((part, sheetIndex) => (File: f, Part: part, SheetIndex: sheetIndex)))
            .OrderBy(p => p.Part.Header.Match.Contract.Kind)
            .ThenBy(p => File.GetLastWriteTimeUtc(p.Part.File.Path))
            .ThenBy(p => p.Part.File.FileName, StringComparer.Ordinal)
            .ThenBy(p => p.SheetIndex).ToList();
        var partsLeft = files.ToDictionary(f => f.File.Path, f => f.Parts.Count);
        var outcomesOf = files.ToDictionary(f => f.File.Path, _ => new List<(LedgerPart Part, FileOutcome Outcome)>());
        for (var i = 0; i < ordered.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var (ledgerFile, part, _) = ordered[i];
            var index = i + 1;
            progress?.Report(new IngestProgress(index, ordered.Count, part.DisplayName, "checking"));
            outcomesOf[part.File.Path].Add((part, LoadPart(part, today, phase => progress?.Report(new IngestProgress(index, ordered.Count, part.DisplayName, phase)))));
            if (--partsLeft[part.File.Path] == 0) outcomes.AddRange(Finish(ledgerFile, outcomesOf[part.File.Path]));
        }
        return outcomes;
    }

    /// <summary>Loads one part, or says it was loaded before (same content, same sheet), or why it could not be read.</summary>
    private FileOutcome LoadPart(LedgerPart part, DateOnly today, Action<string> phase)
    {
        var file = part.File;
        var previous = connection.Scalar<long?>("""
            select min(file_id) from ops.ingested_files
            where content_hash = ? and coalesce(sheet_name, '') = ? and status = 'loaded'
            """, file.ContentHash, part.SheetName ?? "");
        if (previous is { } fileId)
            return new FileOutcome(file.FileName, FileStatus.AlreadyIngested, part.Header.Match.Contract.Name, LedgerFileLoader.Format(file),
                file.Encoding, 0, 0, 0, 0, $"same content as file #{fileId}, ingested before; nothing changed", null, fileId) { SheetName = part.SheetName };
        try
        {
            return new LedgerFileLoader(connection, clock, options.WorkDir).Load(part, today, phase);
        }
        catch (LedgerFormatException ex)
        {
            return Unreadable(part, ex.Message);
        }
        catch (DuckDBException ex) when (IsInputError(ex))
        {
            // The file's text defeated the reader itself (the transaction is rolled back): the file is refused,
            // not the run. Errors of the machine (memory, disk) still stop the run and leave the file in the inbox.
            return Unreadable(part, "the warehouse could not read it: " + ex.Message.Split('\n')[0]);
        }
    }

    private static FileOutcome Unreadable(LedgerPart part, string reason) =>
        new(part.File.FileName, FileStatus.Rejected, null, LedgerFileLoader.Format(part.File), part.File.Encoding, 0, 0, 0, 0, reason, null)
            { SheetName = part.SheetName };

    /// <summary>
    /// Once every part of a file has been tried: a file none of whose parts could be read goes to rejected/; any other
    /// is archived, with the organisers' 问题清单 written beside it first (so a crash in between leaves the file in the
    /// inbox, and the next run writes the list again from the warehouse).
    /// </summary>
    private IEnumerable<FileOutcome> Finish(LedgerFile file, List<(LedgerPart Part, FileOutcome Outcome)> parts)
    {
        if (parts.All(p => p.Outcome.Status == FileStatus.Rejected))
        {
            var reason = parts.Count == 1
                ? parts[0].Outcome.Message!
                : string.Join("; ", parts.Select(p => $"sheet '{p.Part.SheetName}': {p.Outcome.Message}"));
            return [Reject(file.File.Path, file.File, reason)];
        }
        var target = ArchiveDestination(file.File);
        foreach (var (part, outcome) in parts.Where(p => p.Outcome.Status == FileStatus.Rejected))
            RecordRejection(part.File.FileName, part.File, part.SheetName, outcome.Message!, target);
        var feedback = FeedbackWriter.Write(connection, file, parts.Select(p => p.Outcome).ToList(), target);
        MoveTo(file.File.Path, target);
        // Where the file now is, on its records (after the move: a crash in between leaves it unset, and a rebuild then
        // finds the file by its content instead).
        foreach (var (_, outcome) in parts.Where(p => p.Outcome.Status == FileStatus.Loaded))
            connection.Execute("update ops.ingested_files set archived_to = ? where file_id = ? and archived_to is null", target, outcome.FileId);
        var sheetsNote = file.IgnoredSheets.Count == 0 ? null : "sheets without a ledger, ignored: " + string.Join(", ", file.IgnoredSheets);
        return parts.Select((p, i) => p.Outcome with
        {
            MovedTo = target,
            FeedbackPath = feedback,
            Message = i == 0 && sheetsNote is not null ? string.Join("; ", new[] { p.Outcome.Message, sheetsNote }.OfType<string>()) : p.Outcome.Message,
        });
    }

    /// <summary>
    /// A file written a moment ago may still be arriving (a copy over the network, an export being saved): it is left
    /// for the next look when it changed within the settle time, or its size or time changes while it is looked at.
    /// </summary>
    private bool IsStillArriving(string path)
    {
        var before = new FileInfo(path);
        if (DateTime.UtcNow - before.LastWriteTimeUtc < options.SettleTime) return true;
        Thread.Sleep(TimeSpan.FromMilliseconds(Math.Min(250, options.SettleTime.TotalMilliseconds)));
        var after = new FileInfo(path);
        return after.Length != before.Length || after.LastWriteTimeUtc != before.LastWriteTimeUtc;
    }

    private static bool IsInputError(DuckDBException ex) =>
        ex.ErrorType is DuckDBErrorType.InvalidInput or DuckDBErrorType.Conversion or DuckDBErrorType.OutOfRange;


    private FileOutcome Reject(string path, ProbedFile? probed, string reason)
    {
        var name = Path.GetFileName(path);
        var format = probed is null ? null : LedgerFileLoader.Format(probed);
        // Recorded first, then moved: a run killed in between left a record naming a file that never arrived there.
        // That record is this one, so it is replaced rather than doubled, and nothing is ever unrecorded. The reason
        // and the 问题清单 are written beside the target before the move too: a run killed after the move left the
        // file rejected without them (found by CrashTests), and one killed before it writes them again.
        var target = Destination(path, options.RejectedDir, probed?.ContentHash);
        RecordRejection(name, probed, null, reason, target);
        Directory.CreateDirectory(options.RejectedDir);
        File.WriteAllText(target + ".reason.txt", RejectionText.ReasonFile(name, reason, BusinessClock.Local(clock.GetUtcNow())));
        var feedback = FeedbackWriter.WriteRejected(target, name, reason);
        MoveTo(path, target);
        return new FileOutcome(name, FileStatus.Rejected, null, format, probed?.Encoding, 0, 0, 0, 0, reason, target) { FeedbackPath = feedback };
    }

    private void RecordRejection(string name, ProbedFile? probed, string? sheet, string reason, string target)
    {
        var now = clock.GetUtcNow();
        var hash = probed?.ContentHash ?? "";
        connection.InTransaction(() =>
        {
            connection.Execute("""
                delete from ops.ingested_files
                where status = 'rejected' and file_name = ? and content_hash = ? and archived_to = ? and coalesce(sheet_name, '') = ?
                """, name, hash, target, sheet ?? "");
            connection.Execute("""
                insert into ops.ingested_files (file_id, file_name, content_hash, kind, format, encoding, status, rows_read, rows_loaded,
                    rows_quarantined, duplicates_skipped, ignored_columns, message, archived_to, started_at, finished_at, sheet_name)
                values (nextval('ops.file_id_seq'), ?, ?, null, ?, ?, 'rejected', 0, 0, 0, 0, null, ?, ?, ?, ?, ?)
                """, name, hash, probed is null ? null : LedgerFileLoader.Format(probed), probed?.Encoding, reason, target, now, now, sheet);
        });
    }

    private string ArchiveDestination(ProbedFile file) =>
        Destination(file.Path, Path.Combine(options.ArchiveDir, BusinessClock.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), file.ContentHash);

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
