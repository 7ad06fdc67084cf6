namespace Analytics.Reports.Document;

/// <summary>
/// Finds the report font: WenQuanYi Micro Hei (文泉驿微米黑, Apache-2.0) cut down to GB2312 (fonts/README.md), a
/// TrueType font that PDF viewers and pdftotext read back exactly. It ships in the repository and beside the program;
/// Debian's whole font is the last resort (complete, but it makes every PDF larger than 2 MB).
/// </summary>
public static class FontLocator
{
    public const string FileName = "wqy-microhei-gb2312.ttf";

    public static string Find(string? configured = null)
    {
        var candidates = new[]
        {
            configured,
            Path.Combine("fonts", FileName),
            Path.Combine(AppContext.BaseDirectory, "fonts", FileName),
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        };
        return candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c) && File.Exists(c))
            ?? throw new InvalidOperationException(
                $"No report font found: looked for {FileName} in the configured place, ./fonts, beside the program and /usr/share/fonts/truetype/wqy. " +
                "The repository ships it in fonts/; Debian's fonts-wqy-microhei package installs it too.");
    }
}
