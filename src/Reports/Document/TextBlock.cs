using System.Text;

namespace Analytics.Reports.Document;

public enum TextAlign { Left, Center, Right }

/// <summary>
/// A paragraph that wraps to the width it is given (Chinese may break between any two characters, Latin words stay
/// whole, closing punctuation never starts a line) and continues on the next page line by line.
/// </summary>
internal sealed class TextBlock(Func<LayoutContext, string> text, TextStyle style, TextAlign align = TextAlign.Left) : Element
{
    private const string NoLineStart = "，。、；：？！）》」』”’,.;:?!)%";
    private int _nextLine;

    public override SpacePlan Measure(LayoutContext context, Size available)
    {
        var lines = Lines(context, available.Width);
        if (_nextLine >= lines.Count) return SpacePlan.Empty();
        var lineHeight = context.Canvas.LineHeight(style);
        var fit = (int)Math.Floor((available.Height + 0.01f) / lineHeight);
        var remaining = lines.Count - _nextLine;
        var width = lines.Skip(_nextLine).Max(l => context.Canvas.MeasureText(l, style));
        if (fit <= 0) return SpacePlan.Wrap();
        return fit >= remaining ? SpacePlan.Full(width, remaining * lineHeight) : SpacePlan.Partial(width, fit * lineHeight);
    }

    public override void Draw(LayoutContext context, Size available)
    {
        var lines = Lines(context, available.Width);
        var lineHeight = context.Canvas.LineHeight(style);
        var fit = Math.Min(lines.Count - _nextLine, (int)Math.Floor((available.Height + 0.01f) / lineHeight));
        for (var i = 0; i < fit; i++)
        {
            var line = lines[_nextLine + i];
            var x = align switch
            {
                TextAlign.Center => (available.Width - context.Canvas.MeasureText(line, style)) / 2,
                TextAlign.Right => available.Width - context.Canvas.MeasureText(line, style),
                _ => 0,
            };
            // The baseline sits at about 80% of the line: room for the ascent, the rest is leading below.
            context.Canvas.DrawText(line, x, i * lineHeight + style.Size * 1.05f, style);
        }
        _nextLine += Math.Max(0, fit);
    }

    public override void Reset() => _nextLine = 0;

    private List<string> Lines(LayoutContext context, float width) => Wrap(text(context), width, s => context.Canvas.MeasureText(s, style));

    /// <summary>Greedy line breaking over tokens: each CJK character, each Latin word with its trailing spaces.</summary>
    internal static List<string> Wrap(string text, float width, Func<string, float> measure)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var token in Tokens(paragraph))
            {
                var candidate = line + token;
                if (measure(candidate.TrimEnd()) <= width || line.Length == 0 || NoLineStart.Contains(token[0]))
                {
                    if (line.Length == 0 && measure(token) > width && token.Length > 1)
                    {
                        // A word longer than the line: cut it where it must be cut.
                        foreach (var c in token)
                        {
                            if (line.Length > 0 && measure(line.ToString() + c) > width) { lines.Add(line.ToString()); line.Clear(); }
                            line.Append(c);
                        }
                        continue;
                    }
                    line.Append(token);
                }
                else
                {
                    lines.Add(line.ToString().TrimEnd());
                    line.Clear().Append(token.TrimStart());
                }
            }
            lines.Add(line.ToString().TrimEnd());
        }
        return lines;
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            var isWordChar = c < 0x2E80 && !char.IsWhiteSpace(c);
            if (isWordChar) { word.Append(c); continue; }
            if (char.IsWhiteSpace(c)) { word.Append(c); yield return word.ToString(); word.Clear(); continue; }
            if (word.Length > 0) { yield return word.ToString(); word.Clear(); }
            yield return c.ToString();
        }
        if (word.Length > 0) yield return word.ToString();
    }
}
