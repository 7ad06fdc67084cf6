namespace Analytics.Ingest.Reading;

/// <summary>What the first look at an inbox file found: its content hash, container format and text encoding.</summary>
/// <param name="Encoding">For text formats: utf-8, utf-8-bom, utf-16le, utf-16be or gb18030; null for XLSX.</param>
/// <param name="Delimiter">For CSV: the field delimiter found in the header line.</param>
public sealed record ProbedFile(string Path, string ContentHash, long Length, LedgerFormat Format, string? Encoding, char Delimiter = ',')
{
    public string FileName => System.IO.Path.GetFileName(Path);
    public bool IsUtf8 => Encoding is "utf-8" or "utf-8-bom";
}
