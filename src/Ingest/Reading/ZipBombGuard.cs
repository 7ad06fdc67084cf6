using System.IO.Compression;
using Analytics.Ingest.Contracts;

namespace Analytics.Ingest.Reading;

/// <summary>
/// Checks an XLSX container before the workbook reader inflates it: a real ledger sheet is at most a few hundred MB
/// of XML and compresses 5–30 times; a zip bomb declares far more. The declared sizes can be trusted: .NET's zip
/// reader stops an entry at its declared length, so a part that lies inflates to no more than it claims (the
/// hostile-input corpus holds one).
/// </summary>
public static class ZipBombGuard
{
    public const long MaxEntryBytes = 1L << 30;       // 1 GiB: more than an XLSX sheet of 1,048,576 rows holds
    public const long MaxTotalBytes = 2L << 30;
    public const long RatioCheckedAbove = 64L << 20;  // small entries may compress as well as they like
    public const int MaxRatio = 200;

    public static void Check(string path)
    {
        ZipArchive zip;
        try { zip = ZipFile.OpenRead(path); }
        catch (InvalidDataException ex) { throw new LedgerFormatException($"it is not a readable XLSX workbook ({ex.Message})", ex); }
        using (zip)
        {
            long total = 0;
            foreach (var entry in zip.Entries) Refuse(entry, entry.Length, ref total);
        }
    }

    private static void Refuse(ZipArchiveEntry entry, long bytes, ref long total)
    {
        total += bytes;
        var ratio = entry.CompressedLength == 0 ? double.PositiveInfinity : (double)bytes / entry.CompressedLength;
        if (bytes > MaxEntryBytes || total > MaxTotalBytes || (bytes > RatioCheckedAbove && ratio > MaxRatio))
            throw new LedgerFormatException(
                $"the workbook looks like a zip bomb: its part {entry.FullName} inflates {entry.CompressedLength:N0} bytes to {bytes:N0} " +
                $"(limits: {MaxEntryBytes >> 20:N0} MiB a part, {MaxTotalBytes >> 20:N0} MiB in all, {MaxRatio}:1 above {RatioCheckedAbove >> 20} MiB)");
    }
}
