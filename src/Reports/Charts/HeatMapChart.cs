using System.Globalization;
using SkiaSharp;

namespace Analytics.Reports.Charts;

/// <summary>A grid of counts: rows (units) × columns (activity types), coloured from paper to kiln red.</summary>
public sealed record HeatMapData(IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, double[,] Values);

/// <summary>Draws a heat map directly with Skia (vectors), with the counts written in the cells.</summary>
public static class HeatMapChart
{
    public static float Height(HeatMapData data) => 60 + data.Rows.Count * 16;

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
                if (value > 0)
                {
                    paint.Color = value / max > 0.55 ? SKColors.White : Palette.Ink;
                    var text = value.ToString("0", CultureInfo.InvariantCulture);
                    canvas.DrawText(text, labelWidth + c * cellWidth + (cellWidth - font.MeasureText(text)) / 2, y + 11, font, paint);
                }
            }
        }
    };
}
