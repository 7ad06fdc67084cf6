using System.Text;
using System.Text.Unicode;

namespace Analytics.Ingest.Reading;

/// <summary>
/// One pass over a file that is not UTF-8: is every line valid GB18030 (strictly), and is it really one encoding?
/// A GB18030/GBK file with UTF-8 lines in it (rows pasted from another export) would decode into plausible-looking
/// mojibake, so it is refused, naming a line of each. A line counts as UTF-8 only when it is valid UTF-8 and holds a
/// Chinese character written as UTF-8 (three bytes, lead E4–E9): GBK text almost never forms such a line by chance,
/// and a file must have at least 1% of them. Lines split at 0x0A, which is never part of a GB18030 character.
/// </summary>
public static class Gb18030Check
{
    /// <returns>(false, null) when some line is not GB18030; (true, message) when the file mixes encodings;
    /// (true, null) for a GB18030 file.</returns>
    public static (bool IsGb18030, string? Mixed) Examine(string path)
    {
        var decoder = FileProbe.Gb18030Strict;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        long lineNo = 0, nonAscii = 0, utf8Lines = 0, firstUtf8 = 0, firstGbk = 0;
        var valid = true;
        var line = new List<byte>(256);
        var buffer = new byte[1 << 20];
        void EndLine()
        {
            lineNo++;
            var bytes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(line);
            if (bytes.ContainsAnyExceptInRange((byte)0, (byte)0x7F))
            {
                nonAscii++;
                try { decoder.GetCharCount(bytes); }
                catch (DecoderFallbackException) { valid = false; }
                if (Utf8.IsValid(bytes) && HasUtf8Han(bytes))
                {
                    utf8Lines++;
                    if (firstUtf8 == 0) firstUtf8 = lineNo;
                }
                else if (firstGbk == 0) firstGbk = lineNo;
            }
            line.Clear();
        }
        int read;
        while (valid && (read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var span = buffer.AsSpan(0, read);
            int newline;
            while ((newline = span.IndexOf((byte)'\n')) >= 0)
            {
                line.AddRange(span[..newline]);
                EndLine();
                span = span[(newline + 1)..];
            }
            line.AddRange(span);
        }
        if (valid && line.Count > 0) EndLine();

        if (!valid) return (false, null);
        if (utf8Lines == 0 || firstGbk == 0 || utf8Lines * 100 < nonAscii) return (true, null);
        return (true, $"the file mixes encodings: line {firstGbk} is GB18030/GBK but line {firstUtf8} is UTF-8 " +
                      $"({utf8Lines} of {nonAscii} lines with Chinese text are UTF-8); save the whole file in one encoding");
    }

    private static bool HasUtf8Han(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i + 2 < bytes.Length; i++)
            if (bytes[i] is >= 0xE4 and <= 0xE9 && (bytes[i + 1] & 0xC0) == 0x80 && (bytes[i + 2] & 0xC0) == 0x80) return true;
        return false;
    }
}
