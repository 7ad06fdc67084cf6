using SkiaSharp;

namespace Analytics.Reports.Charts;

/// <summary>The report colours, built around the brand's kiln red (窑火红).</summary>
public static class Palette
{
    public static readonly SKColor KilnRed = new(0xB2, 0x22, 0x22);
    public static readonly SKColor Ember = new(0xD9, 0x6C, 0x3B);
    public static readonly SKColor Clay = new(0xE8, 0xB8, 0x8A);
    public static readonly SKColor Celadon = new(0x7F, 0xA8, 0x9A);
    public static readonly SKColor Ink = new(0x33, 0x2B, 0x28);
    public static readonly SKColor Paper = new(0xFB, 0xF7, 0xF4);
    public static readonly SKColor Rule = new(0xDD, 0xD5, 0xD0);

    public static ScottPlot.Color Plot(SKColor c) => new(c.Red, c.Green, c.Blue, c.Alpha);

    /// <summary>A sequential scale from paper to kiln red, for heat maps.</summary>
    public static SKColor Heat(double share)
    {
        var t = Math.Clamp(share, 0, 1);
        byte Mix(byte a, byte b) => (byte)Math.Round(a + (b - a) * t);
        return new SKColor(Mix(Paper.Red, KilnRed.Red), Mix(Paper.Green, KilnRed.Green), Mix(Paper.Blue, KilnRed.Blue));
    }
}
