using System.Collections.Concurrent;
using SkiaSharp;

namespace Analytics.Reports.Document;

/// <summary>
/// One typeface instance per font file for the whole process. Skia's PDF backend embeds a font once per typeface
/// instance: the document text and ScottPlot's chart labels must share this one, or each PDF carries the font twice.
/// </summary>
public static class ReportFont
{
    /// <summary>The family name charts ask for.</summary>
    public const string Family = "KilnFireRed Report";

    private static readonly ConcurrentDictionary<string, SKTypeface> Typefaces = new();
    private static string? _chartFontPath;

    public static SKTypeface Get(string path) =>
        Typefaces.GetOrAdd(Path.GetFullPath(path), p => SKTypeface.FromFile(p, 0) ?? throw new InvalidOperationException($"The font {p} cannot be read."));

    /// <summary>Makes ScottPlot draw chart text with the report font (the same instance as the document text).</summary>
    public static void UseForCharts(string path)
    {
        lock (Typefaces)
        {
            if (_chartFontPath is null) ScottPlot.Fonts.FontResolvers.Insert(0, new Resolver());
            _chartFontPath = path;
        }
    }

    /// <summary>Registers the default report font for charts unless one is registered already.</summary>
    public static void EnsureForCharts()
    {
        if (_chartFontPath is null) UseForCharts(FontLocator.Find());
    }

    private sealed class Resolver : ScottPlot.IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family && _chartFontPath is { } path ? Get(path) : null;

        public SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing width) =>
            fontName == Family && _chartFontPath is { } path ? Get(path) : null;
    }
}
