using Analytics.Reports.Charts;
using Analytics.Reports.Document;
using SkiaSharp;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Writing;

/// <summary>The text styles of the reports.</summary>
internal static class Styles
{
    public static readonly TextStyle Title = new(24, Palette.KilnRed);
    public static readonly TextStyle Heading = new(14, Palette.KilnRed);
    public static readonly TextStyle Body = new(10.5f, Palette.Ink);
    public static readonly TextStyle Note = new(8, new SKColor(0x80, 0x78, 0x74));
    public static readonly TextStyle Big = new(18, Palette.Ink);
}
