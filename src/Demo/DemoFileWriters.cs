using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Analytics.Ingest.Reading;
using MiniExcelLibs;

namespace Analytics.Demo;

/// <summary>Writes rows (ordered header → value) as CSV, XLSX or JSON, the three containers ledgers arrive in.</summary>
internal static class DemoFileWriters
{
    public static void Csv(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, Encoding encoding, bool bom)
    {
        using var stream = File.Create(path);
        if (bom) stream.Write(encoding.GetPreamble());
        using var writer = new StreamWriter(stream, encoding.WebName == "utf-8" ? new UTF8Encoding(false) : encoding);
        writer.NewLine = "\r\n"; // as Excel writes it
        writer.WriteLine(string.Join(",", header.Select(Quote)));
        foreach (var row in rows) writer.WriteLine(string.Join(",", row.Select(Quote)));
    }

    public static void Xlsx(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var sheet = rows.Select(row =>
        {
            IDictionary<string, object?> record = new Dictionary<string, object?>();
            for (var i = 0; i < header.Count; i++) record[header[i]] = row[i];
            return record;
        }).ToList();
        MiniExcel.SaveAs(path, sheet, overwriteFile: true);
    }

    public static void Json(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartArray();
        foreach (var row in rows)
        {
            writer.WriteStartObject();
            for (var i = 0; i < header.Count; i++)
            {
                switch (row[i])
                {
                    case null: break; // absent key, as exporters do
                    case int n: writer.WriteNumber(header[i], n); break;
                    case long n: writer.WriteNumber(header[i], n); break;
                    default: writer.WriteString(header[i], Convert.ToString(row[i], CultureInfo.InvariantCulture)); break;
                }
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    public static Encoding Gb18030 => FileProbe.Gb18030Strict;

    private static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field)) return "";
        return field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }
}
