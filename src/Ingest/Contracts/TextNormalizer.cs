using System.Text;

namespace Analytics.Ingest.Contracts;

/// <summary>Folds the full-width forms Chinese input methods produce (１２３, ＡＢＣ, －, ／, 　) to ASCII.</summary>
public static class TextNormalizer
{
    /// <summary>The full-width characters folded, and their ASCII counterparts, as two strings of equal length (for SQL translate()).</summary>
    public static (string From, string To) WidthFoldingTable { get; } = BuildTable();

    public static string FoldWidth(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            });
        return builder.ToString();
    }

    private static (string, string) BuildTable()
    {
        var from = new StringBuilder();
        var to = new StringBuilder();
        for (var c = '\uFF01'; c <= '\uFF5E'; c++)
        {
            // Keep the apostrophe out: it would need escaping in every SQL literal and never occurs in ids.
            if (c == '\uFF07') continue;
            from.Append(c);
            to.Append((char)(c - 0xFEE0));
        }
        from.Append('\u3000');
        to.Append(' ');
        return (from.ToString(), to.ToString());
    }
}
