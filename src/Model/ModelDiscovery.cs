using System.Text.RegularExpressions;

namespace Analytics.Model;

/// <summary>Finds the models under queries/ (one per file, the layer is the folder) and the models each one reads.</summary>
public static partial class ModelDiscovery
{
    [GeneratedRegex(@"^[a-z][a-z0-9_]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"--[^\n]*|'(?:[^']|'')*'")]
    private static partial Regex CommentsAndStrings();

    [GeneratedRegex(@"\b(staging|intermediate|marts)\s*\.\s*""?([A-Za-z_][A-Za-z0-9_]*)""?", RegexOptions.IgnoreCase)]
    private static partial Regex ModelReference();

    // (ops too: the plan follows none of its tables, so a model reading one is recomputed from the earliest month)
    [GeneratedRegex(@"\b(core|raw|ops)\s*\.\s*""?([A-Za-z_][A-Za-z0-9_]*)""?", RegexOptions.IgnoreCase)]
    private static partial Regex SourceReference();

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
        var references = ModelReference().Matches(code)
            .Select(m => $"{m.Groups[1].Value.ToLowerInvariant()}.{m.Groups[2].Value.ToLowerInvariant()}")
            .Where(r => r != $"{layer}.{name}")
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var sources = SourceReference().Matches(code)
            .Select(m => $"{m.Groups[1].Value.ToLowerInvariant()}.{m.Groups[2].Value.ToLowerInvariant()}")
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var model = new ModelDefinition(layer, name, body, path, grain, references, sources);
        if (model.ReadsIncrementalFrom && (model.IncrementalKey is null || !model.IsTable))
            throw new InvalidOperationException(
                $"{path}: only a table with '-- incremental: <month column>' may read getvariable('{ModelDefinition.IncrementalFromVariable}'): any other model would see the month of whatever build ran last.");
        return model;
    }
}
