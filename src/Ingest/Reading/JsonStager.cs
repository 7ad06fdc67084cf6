using System.Text.Json;
using Analytics.Ingest.Contracts;
using DuckDB.NET.Data;

namespace Analytics.Ingest.Reading;

/// <summary>Stages a JSON ledger: an array of objects whose keys are the column names.</summary>
public static class JsonStager
{
    public static StagedFile Stage(DuckDBConnection connection, ProbedFile file, HeaderMatch header)
    {
        using var document = Parse(file);
        var keys = Keys(document.RootElement);
        var columns = StageTable.ColumnNames(header);
        var rejects = new List<StageReject>();
        StageTable.Create(connection, columns);
        var staged = StageTable.Append(connection, Rows(document.RootElement.EnumerateArray().ToList(), keys, rejects));
        return new StagedFile(header, columns, staged, rejects);
    }

    public static JsonDocument Parse(ProbedFile file)
    {
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(file.Path);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new LedgerFormatException($"it is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {ex.Message.Split('.')[0]})", ex);
        }
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            var kind = document.RootElement.ValueKind.ToString().ToLowerInvariant();
            document.Dispose();
            throw new LedgerFormatException("the JSON must be an array of objects, one per row; its top level is " + kind);
        }
        return document;
    }

    /// <summary>The column names: every key of every object, in order of first appearance.</summary>
    public static List<string> Keys(JsonElement array)
    {
        var keys = new List<string>();
        foreach (var element in array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            foreach (var property in element.EnumerateObject())
                if (!keys.Contains(property.Name)) keys.Add(property.Name);
        if (keys.Count == 0) throw new LedgerFormatException("the JSON array holds no objects");
        return keys;
    }

    private static IEnumerable<(long, string?[])> Rows(List<JsonElement> elements, List<string> keys, List<StageReject> rejects)
    {
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            if (element.ValueKind != JsonValueKind.Object)
            {
                rejects.Add(new StageReject(i + 1, element.GetRawText(), $"element {i + 1} is a {element.ValueKind.ToString().ToLowerInvariant()}, not an object"));
                continue;
            }
            var values = new string?[keys.Count];
            foreach (var property in element.EnumerateObject())
                values[keys.IndexOf(property.Name)] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => property.Value.GetRawText(),
                };
            yield return (i + 1, values);
        }
    }
}
