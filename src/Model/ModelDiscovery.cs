using System.Text.RegularExpressions;

namespace Analytics.Model;

/// <summary>Finds the models under queries/ (one per file, the layer is the folder) and the models each one reads.</summary>
public static partial class ModelDiscovery
{
    [GeneratedRegex(@"^[a-z][a-z0-9_]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"--[^\n]*|'(?:[^']|'')*'")]
    private static partial Regex CommentsAndStrings();

    // The models' schemas, and those of the tables outside the models (ops too: the plan follows none of its tables,
    // so a model reading one is recomputed from the earliest month).
    [GeneratedRegex(@"\b(staging|intermediate|marts|core|raw|ops)\s*\.\s*""?([A-Za-z_][A-Za-z0-9_]*)""?", RegexOptions.IgnoreCase)]
    private static partial Regex TableReference();

    public static IReadOnlyList<ModelDefinition> Discover(string queriesDir)
    {
        if (!Directory.Exists(queriesDir))
            throw new InvalidOperationException($"The queries folder '{Path.GetFullPath(queriesDir)}' does not exist.");
        var models = new List<ModelDefinition>();
        foreach (var layer in ModelLayers.All)
        {
            var folder = Path.Combine(queriesDir, layer);
            if (!Directory.Exists(folder)) continue;
            foreach (var path in Directory.EnumerateFiles(folder, "*.sql").Order(StringComparer.Ordinal))
                models.Add(Parse(layer, path, File.ReadAllText(path)));
        }
        return models;
    }

    public static ModelDefinition Parse(string layer, string path, string sql)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (!NamePattern().IsMatch(name))
            throw new InvalidOperationException($"{path}: a model's file name is its table name: lower-case letters, digits and _ only.");
        var body = sql.Trim().TrimEnd(';').Trim();
        if (body.Length == 0) throw new InvalidOperationException($"{path}: the model is empty.");
        var grain = sql.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("--", StringComparison.Ordinal))?.TrimStart('-').Trim();
        var code = CommentsAndStrings().Replace(body, " ");
        var named = TableReference().Matches(code)
            .Select(m => (Schema: m.Groups[1].Value.ToLowerInvariant(), Name: $"{m.Groups[1].Value.ToLowerInvariant()}.{m.Groups[2].Value.ToLowerInvariant()}"))
            .Where(t => t.Name != $"{layer}.{name}")
            .DistinctBy(t => t.Name).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var references = named.Where(t => ModelLayers.All.Contains(t.Schema)).Select(t => t.Name).ToList();
        var sources = named.Where(t => !ModelLayers.All.Contains(t.Schema)).Select(t => t.Name).ToList();
        var model = new ModelDefinition(layer, name, body, path, grain, references, sources);
        if (model.ReadsIncrementalFrom && (model.IncrementalKey is null || !model.IsTable))
            throw new InvalidOperationException(
                $"{path}: only a table with '-- incremental: <month column>' may read getvariable('{ModelDefinition.IncrementalFromVariable}'): any other model would see the month of whatever build ran last.");
        return model;
    }
}
