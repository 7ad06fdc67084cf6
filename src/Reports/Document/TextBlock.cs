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
    private const string NoLineEnd = "（《「『“‘(";
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

    /// <summary>
    /// Greedy line breaking over tokens: each CJK character, each Latin word with its trailing spaces. Closing
    /// punctuation never starts a line: when it does not fit, the token before it moves down with it (禁则), so that no
    /// line runs past the width; an opening bracket never ends one.
    /// </summary>
    internal static List<string> Wrap(string text, float width, Func<string, float> measure)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = new List<string>();
            string Joined() => string.Concat(line);
            void Emit() { lines.Add(Joined().TrimEnd()); line.Clear(); }
            foreach (var token in Tokens(paragraph))
            {
                if (line.Count == 0 || measure((Joined() + token).TrimEnd()) <= width)
                {
                    if (line.Count == 0 && measure(token) > width && token.Length > 1)
                    {
                        // A word longer than the line: cut it where it must be cut.
                        var part = new StringBuilder();
                        foreach (var c in token)
                        {
                            if (part.Length > 0 && measure(part.ToString() + c) > width) { lines.Add(part.ToString()); part.Clear(); }
                            part.Append(c);
                        }
                        line.Add(part.ToString());
                        continue;
                    }
                    line.Add(token);
                }
                else if (IsClosing(token) && line.Count > 1)
                {
                    // Carry the last real token down with the mark (past blanks, and past marks that may not start a line either).
                    var carried = new List<string>();
                    do
                    {
                        carried.Insert(0, line[^1]);
                        line.RemoveAt(line.Count - 1);
                    } while (line.Count > 1 && (carried[0].Trim().Length == 0 || IsClosing(carried[0])));
                    Emit();
                    carried[0] = carried[0].TrimStart();
                    line.AddRange(carried);
                    line.Add(token);
                }
                else if (IsClosing(token))
                    line.Add(token); // one token on the line: nothing to carry, the mark stays with it
                else if (line.Count > 1 && line[^1].TrimEnd() is { Length: > 0 } last && NoLineEnd.Contains(last[^1]))
                {
                    // An opening bracket never ends a line: it goes down with what it opens.
                    var opening = line[^1];
                    line.RemoveAt(line.Count - 1);
                    Emit();
                    line.Add(opening.TrimStart());
                    line.Add(token);
                }
                else
                {
                    Emit();
                    line.Add(token.TrimStart());
                }
            }
            Emit();
        }
        return lines;
    }

    /// <summary>A closing mark of its own (，。、）…): a Latin word that starts with a colon or a stop is a word, not a mark.</summary>
    private static bool IsClosing(string token) => token.Length == 1 && NoLineStart.Contains(token[0]);

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
