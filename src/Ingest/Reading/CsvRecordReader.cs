using System.Text;

namespace Analytics.Ingest.Reading;

/// <summary>
/// A minimal RFC 4180 record reader (a delimiter, double quotes, quoted newlines) for headers and catalogue files.
/// Bulk CSV data is parsed by DuckDB, not here.
/// </summary>
public sealed class CsvRecordReader(TextReader reader, char delimiter = ',')
{
    /// <summary>
    /// The delimiter of a delimited-text header line: comma, or tab (Excel's and WPS's "Unicode 文本" export) or
    /// semicolon where those occur more often outside quotes.
    /// </summary>
    public static char DetectDelimiter(string headerLine)
    {
        var counts = new Dictionary<char, int> { [','] = 0, ['\t'] = 0, [';'] = 0 };
        var inQuotes = false;
        foreach (var c in headerLine)
        {
            if (c == '"') inQuotes = !inQuotes;
            else if (!inQuotes && counts.ContainsKey(c)) counts[c]++;
        }
        return counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key == ',' ? 0 : 1).First().Key;
    }

    /// <summary>Line breaks read so far, quoted ones included: the lines a reader of the file must skip to pass them.</summary>
    public long LinesRead { get; private set; }

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
                else
                {
                    if (c == '\n' || (c == '\r' && reader.Peek() != '\n')) LinesRead++;
                    field.Append(c);
                }
            }
            else if (c == '"') inQuotes = true;
            else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { if (reader.Peek() == '\n') reader.Read(); LinesRead++; fields.Add(field.ToString()); return fields; }
            else if (c == '\n') { LinesRead++; fields.Add(field.ToString()); return fields; }
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
