using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Model;

/// <summary>
/// What a mart column means: its description (also its column comment), and for a metric its name, the Chinese label
/// a reader sees it under (one label per metric, everywhere), its unit and range.
/// </summary>
public sealed record ColumnContract(string Description, string? Metric = null, string? Label = null, string? Unit = null, double?[]? Range = null);

/// <summary>A query that returns the rows breaking a rule the data must keep.</summary>
public sealed record CheckContract(string Name, string Sql);

/// <summary>A mart's grain, primary key, references (column → "schema.table.column") and checks.</summary>
public sealed record ModelContract(string Grain, IReadOnlyList<string> PrimaryKey, IReadOnlyDictionary<string, string>? References = null, IReadOnlyList<CheckContract>? Checks = null);

/// <summary>
/// The contracts of the marts (queries/marts/contracts.json): one description per column name, shared by every
/// mart that has the column, and per mart its keys, references and checks.
/// </summary>
public sealed record MartContracts(IReadOnlyDictionary<string, ColumnContract> Columns, IReadOnlyDictionary<string, ModelContract> Models)
{
    public const string FileName = "contracts.json";

    public static MartContracts Load(string queriesDir)
    {
        var path = Path.Combine(queriesDir, ModelLayers.Marts, FileName);
        if (!File.Exists(path)) return new MartContracts(new Dictionary<string, ColumnContract>(), new Dictionary<string, ModelContract>());
        try
        {
            return JsonSerializer.Deserialize<MartContracts>(File.ReadAllText(path), new JsonSerializerOptions
            {
                PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
                ReadCommentHandling = JsonCommentHandling.Skip,
                UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            }) ?? throw new InvalidOperationException($"{path} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{path}: {ex.Message}", ex);
        }
    }
}
