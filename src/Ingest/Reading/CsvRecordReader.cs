using System.Text;

namespace Analytics.Ingest.Reading;

/// <summary>
/// A minimal RFC 4180 record reader (comma, double quotes, quoted newlines) for headers and catalogue files.
/// Bulk CSV data is parsed by DuckDB, not here.
/// </summary>
public sealed class CsvRecordReader(TextReader reader)
{
    /// <summary>Reads the next record, or null at the end of input.</summary>
    public List<string>? Read()
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var any = false;
        while (true)
        {
            var next = reader.Read();
            if (next == -1)
            {
                if (!any) return null;
                fields.Add(field.ToString());
                return fields;
            }
            any = true;
            var c = (char)next;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else inQuotes = false;
                }
                else field.Append(c);
            }
            else if (c == '"') inQuotes = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { if (reader.Peek() == '\n') reader.Read(); fields.Add(field.ToString()); return fields; }
            else if (c == '\n') { fields.Add(field.ToString()); return fields; }
            else field.Append(c);
        }
    }

    public static List<List<string>> ReadAll(string path)
    {
        using var stream = new StreamReader(path, Encoding.UTF8);
        var reader = new CsvRecordReader(stream);
        var records = new List<List<string>>();
        while (reader.Read() is { } record)
            if (record.Any(f => f.Length > 0)) records.Add(record);
        return records;
    }
}
