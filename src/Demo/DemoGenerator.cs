using System.Text.Encodings.Web;
using System.Text.Json;

namespace Analytics.Demo;

/// <summary>What <see cref="DemoGenerator.Generate"/> wrote, and where.</summary>
public sealed record DemoDataset(string InboxDir, string GroundTruthPath, string ManifestPath, DemoUniversity University, IReadOnlyList<LedgerFileSpec> Files);

/// <summary>
/// Generates the demo university's ledgers into <c>inbox/</c> of a data folder, with two files beside the inbox:
/// <c>ground-truth.json</c> (the branches planted as lagging, for the flagging work) and <c>demo-manifest.json</c>
/// (per file: rows written, bad rows planted by reason, exact duplicates, so ingest's counts can be checked).
/// </summary>
public static class DemoGenerator
{
    public const int DefaultSeed = 20260701;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <param name="firstYear">A university in its first year of the programme: ledgers of this year only, and
    /// 述职评议 grades only of the year before (nothing to learn from).</param>
    public static DemoDataset Generate(string dataDir, DateOnly asOf, int seed = DefaultSeed, bool firstYear = false)
    {
        var university = new DemoUniversity(seed, asOf, firstYear);
        var inbox = Path.Combine(dataDir, "inbox");
        var files = new DemoLedgerWriter(university, inbox).WriteAll();

        var groundTruth = Path.Combine(dataDir, "ground-truth.json");
        File.WriteAllText(groundTruth, JsonSerializer.Serialize(new
        {
            seed,
            as_of = asOf.ToString("yyyy-MM-dd"),
            first_month = university.FirstDay.ToString("yyyy-MM"),
            last_month = university.LastDay.ToString("yyyy-MM"),
            first_year = firstYear,
            lagging_branches = university.Lagging,
        }, Json));
        var manifest = Path.Combine(dataDir, "demo-manifest.json");
        File.WriteAllText(manifest, JsonSerializer.Serialize(new { seed, files }, Json));
        return new DemoDataset(inbox, groundTruth, manifest, university, files);
    }
}
