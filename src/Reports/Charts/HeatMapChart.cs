using System.Globalization;
using SkiaSharp;

namespace Analytics.Reports.Charts;

/// <summary>
/// A grid of counts: rows (units) × columns (activity types), coloured from paper to kiln red. <paramref name="Unit"/>
/// says what a cell counts (次数（年内累计）, 得分); the legend under the grid shows it with the colour scale.
/// </summary>
public sealed record HeatMapData(IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, double[,] Values, string Unit = "");

/// <summary>Draws a heat map directly with Skia (vectors), with the counts written in the cells.</summary>
public static class HeatMapChart
{
    private const float LegendHeight = 22;

    public static float Height(HeatMapData data) => 60 + data.Rows.Count * 16 + LegendHeight;

    public static Action<SKCanvas, Document.Size> Drawer(HeatMapData data, SKTypeface typeface) => (canvas, size) =>
    {
        const float labelWidth = 118, headerHeight = 60, rowHeight = 16;
        var cellWidth = (size.Width - labelWidth) / Math.Max(1, data.Columns.Count);
        var max = Math.Max(1, data.Values.Cast<double>().DefaultIfEmpty(0).Max());
        using var font = new SKFont(typeface, 7.5f);
        using var paint = new SKPaint { IsAntialias = true };
        for (var c = 0; c < data.Columns.Count; c++)
        {
            // Column heads written upright, character by character: Chinese reads well that way in a narrow column.
            paint.Color = Palette.Ink;
            var x = labelWidth + c * cellWidth + cellWidth / 2 - 3.75f;
            var chars = data.Columns[c].Take(7).ToArray();
            for (var k = 0; k < chars.Length; k++)
                canvas.DrawText(chars[k].ToString(), x, 9 + k * 8.3f, font, paint);
        }
        for (var r = 0; r < data.Rows.Count; r++)
        {
            var y = headerHeight + r * rowHeight;
            paint.Color = Palette.Ink;
            canvas.DrawText(data.Rows[r], 0, y + 11, font, paint);
            for (var c = 0; c < data.Columns.Count; c++)
            {
                var value = data.Values[r, c];
                paint.Color = Palette.Heat(value / max);
                canvas.DrawRect(labelWidth + c * cellWidth + 0.5f, y + 0.5f, cellWidth - 1, rowHeight - 1, paint);
                // Every cell carries its number, a zero too (in grey): an empty cell would read as "no data".
                paint.Color = value <= 0 ? Zero : value / max > 0.55 ? SKColors.White : Palette.Ink;
                var text = value.ToString("0", CultureInfo.InvariantCulture);
                canvas.DrawText(text, labelWidth + c * cellWidth + (cellWidth - font.MeasureText(text)) / 2, y + 11, font, paint);
            }
        }

        // The legend: the colour scale from 0 to the largest value, and what a cell counts.
        var legendY = headerHeight + data.Rows.Count * rowHeight + 8;
        paint.Color = Palette.Ink;
        canvas.DrawText("图例", 0, legendY + 9, font, paint);
        const int steps = 5;
        for (var s = 0; s < steps; s++)
        {
            paint.Color = Palette.Heat(s / (double)(steps - 1));
            canvas.DrawRect(labelWidth + s * 18, legendY, 17, 11, paint);
        }
        paint.Color = Palette.Ink;
        canvas.DrawText("0", labelWidth - 8, legendY + 9, font, paint);
        canvas.DrawText($"{max.ToString("0", CultureInfo.InvariantCulture)}  {data.Unit}", labelWidth + steps * 18 + 4, legendY + 9, font, paint);
    };

    private static readonly SKColor Zero = new(0x9A, 0x90, 0x8C);
}
