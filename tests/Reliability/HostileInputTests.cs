using Analytics.Warehouse;
using Analytics.Tests.Support;
using DuckDB.NET.Data;
using Xunit.Abstractions;

namespace Analytics.Tests.Reliability;

/// <summary>
/// The hostile-input corpus, ingested by the real program in a child process: every file gets a plain rejection or
/// its exact counts and quarantine reasons, every good row beside the bad ones loads, nothing stays behind in the
/// inbox or lands outside the data folder, and the process ends normally.
/// </summary>
public class HostileInputTests(ITestOutputHelper log)
{
    [Fact]
    public void EveryHostileFile_GetsAPlainRejectionOrItsQuarantineReasons_AndNoOtherRowIsLost()
    {
        var root = Directory.CreateTempSubdirectory("kfr-hostile-").FullName;
        try
        {
            var data = Path.Combine(root, "data");
            var inbox = Path.Combine(data, "inbox");
            Directory.CreateDirectory(inbox);
            var outside = Directory.CreateDirectory(Path.Combine(root, "outside")).FullName;
            File.WriteAllText(Path.Combine(inbox, "000-ref-units.csv"), Ledgers.OrgUnits);
            File.WriteAllText(Path.Combine(inbox, "000-ref-members.csv"), Ledgers.Members);
            File.WriteAllText(Path.Combine(inbox, "000-ref-activities.csv"), Ledgers.Activities);
            var corpus = HostileCorpus.Generate(seed: 20261124, outside);
            foreach (var file in corpus)
            {
                var path = Path.Combine(inbox, file.Name);
                if (file.LinkTo is { } target) File.CreateSymbolicLink(path, target);
                else File.WriteAllBytes(path, file.Content);
            }
            Assert.True(corpus.Count >= 200, $"the corpus has only {corpus.Count} files");
            Assert.Equal(corpus.Count, corpus.Select(f => f.Name).Distinct().Count());

            var (code, output, error) = CliProcess.Run("--data-dir", data, "ingest");
            Assert.True(code == 0, $"ingest failed ({code}): {error}\n{output[^Math.Min(output.Length, 3000)..]}");
            Assert.DoesNotContain("Unhandled", error);
            Assert.Empty(Directory.GetFileSystemEntries(inbox)); // every file was decided on
            Assert.Equal(["outside-ledger.csv"], Directory.GetFiles(outside).Select(Path.GetFileName)); // and nothing was taken from outside

            var problems = Check(data, corpus);
            foreach (var family in corpus.GroupBy(f => f.Family.Split('/')[0]))
                log.WriteLine($"{family.Key}: {family.Count()} files, {family.Count(f => f.Expect.Rejected)} rejected");
            Assert.True(problems.Count == 0, $"{problems.Count} of {corpus.Count} files did not end as expected:\n" + string.Join("\n", problems));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static List<string> Check(string data, List<HostileFile> corpus)
    {
        var problems = new List<string>();
        var archived = Directory.GetFiles(Path.Combine(data, "archive"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToHashSet();
        var rejected = Path.GetFullPath(Path.Combine(data, "rejected")) + Path.DirectorySeparatorChar;
        using var db = new DuckDBConnection($"Data Source={Path.Combine(data, "warehouse.duckdb")};ACCESS_MODE=READ_ONLY");
        db.Open();
        foreach (var file in corpus)
        {
            var label = $"{file.Name.ReplaceLineEndings("⏎")} [{file.Family}]";
            var records = db.Query("""
                select file_id, status, coalesce(message, ''), kind, rows_read, rows_loaded, rows_quarantined, duplicates_skipped, archived_to
                from ops.ingested_files where file_name = ?
                """, r => (Id: r.GetInt64(0), Status: r.GetString(1), Message: r.GetString(2), Kind: r.GetStringOrNull(3),
                    Counts: (r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7)), MovedTo: r.GetStringOrNull(8)), file.Name);
            if (records.Count != 1) { problems.Add($"{label}: {records.Count} records in ops.ingested_files"); continue; }
            var record = records[0];
            var e = file.Expect;
            if (e.Rejected)
            {
                if (record.Status != "rejected" || !record.Message.Contains(e.ReasonContains!, StringComparison.Ordinal))
                    problems.Add($"{label}: expected a rejection mentioning '{e.ReasonContains}', got {record.Status} {record.Counts} '{Short(record.Message)}'");
                else if (record.MovedTo is null || !Path.GetFullPath(record.MovedTo).StartsWith(rejected, StringComparison.Ordinal)
                         || !Path.Exists(record.MovedTo) || !File.Exists(record.MovedTo + ".reason.txt"))
                    problems.Add($"{label}: rejected file not kept under rejected/ with its reason ({record.MovedTo})");
                continue;
            }
            if (record.Status != "loaded" || record.Counts != (e.Read, e.Loaded, e.Quarantined, e.Duplicates))
            {
                problems.Add($"{label}: expected loaded {(e.Read, e.Loaded, e.Quarantined, e.Duplicates)}, got {record.Status} {record.Counts} '{Short(record.Message)}'");
                continue;
            }
            var reasons = db.Query("select distinct reason_code from ops.quarantine where file_id = ? order by 1", r => r.GetString(0), record.Id);
            if (!reasons.ToHashSet().SetEquals(e.Reasons))
                problems.Add($"{label}: quarantine reasons [{string.Join(", ", reasons)}], expected [{string.Join(", ", e.Reasons.Order())}]");
            if (record.Kind == "activities")
            {
                var loaded = db.Query("select activity_id from raw.activities where _file_id = ?", r => r.GetString(0), record.Id).ToHashSet();
                // Ids are stored folded (full-width letters and digits to ASCII).
                var lost = e.LoadedIds.Where(id => !loaded.Contains(Analytics.Ingest.Contracts.TextNormalizer.FoldWidth(id))).ToList();
                if (lost.Count > 0) problems.Add($"{label}: good rows not loaded: {string.Join(", ", lost)}");
            }
            if (!archived.Contains(file.Name))
                problems.Add($"{label}: not archived under archive/");
            else if (record.MovedTo is null || !File.Exists(record.MovedTo) || Path.GetFileName(record.MovedTo) != file.Name)
                problems.Add($"{label}: its record does not say where it was archived ({record.MovedTo ?? "null"})");
        }
        return problems;
    }

    [Fact]
    public void AZipPartThatLiesAboutItsSize_InflatesNoFurtherThanItClaims()
    {
        // What ZipBombGuard relies on: it checks declared sizes, and .NET stops every entry at its declared length.
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(HostileCorpus.LyingZip()));
        var entry = zip.Entries.Single();
        using var stream = entry.Open();
        var inflated = 0L;
        var buffer = new byte[1 << 16];
        try
        {
            int read;
            while ((read = stream.Read(buffer)) > 0) inflated += read;
        }
        catch (InvalidDataException)
        {
            // also acceptable: the reader refuses the part outright
        }
        Assert.Equal(10, entry.Length);
        Assert.True(inflated <= 10, $"the part inflated to {inflated:N0} bytes");
    }

    private static string Short(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
