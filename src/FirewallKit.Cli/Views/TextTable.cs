using System.Text;

namespace FirewallKit.Cli.Views;

/// <summary>
/// A table for a person: columns padded to their widest cell plus two spaces, the last column left ragged.
/// Cells may come from someone else's files, so every cell is shown escaped.
/// </summary>
public static class TextTable
{
    /// <summary>The narrowest the last column wraps to, however narrow the terminal: a word or two a line helps nobody.</summary>
    private const int MinLastColumnWidth = 24;

    /// <summary>The narrowest a second wrapped column (an address list) gets.</summary>
    private const int MinFlexibleColumnWidth = 20;

    /// <param name="width">The terminal's columns: the last column wraps to fit. Null (redirected output) keeps every row on one line.</param>
    /// <param name="flexibleColumn">A column that also wraps when the last one alone cannot fit the width (a list of addresses); it gets at most 40% of the room left.</param>
    public static void Append(StringBuilder text, string[] header, IEnumerable<string[]> rows, int? width = null, int? flexibleColumn = null)
    {
        var cells = rows.Prepend(header).Select(r => r.Select(PrintableText.Escape).ToArray()).ToList();
        var widths = header.Select((_, i) => cells.Max(r => r[i].Length)).ToArray();
        var wrapWidths = widths.Select(_ => int.MaxValue).ToArray();
        if (width is { } columns)
        {
            // Room for the last column once every other column is padded, less one so the cursor never wraps the line.
            var room = columns - 1 - 2 - widths[..^1].Sum(w => w + 2);
            if (room < MinLastColumnWidth && flexibleColumn is { } flexible && widths[flexible] > MinFlexibleColumnWidth)
            {
                var shared = room + widths[flexible];
                widths[flexible] = Math.Min(widths[flexible], Math.Max(MinFlexibleColumnWidth, shared * 2 / 5));
                widths[flexible] = Math.Max(widths[flexible], cells.Max(r => LongestWord(r[flexible])));
                wrapWidths[flexible] = widths[flexible];
                room = shared - widths[flexible];
            }

            wrapWidths[^1] = Math.Max(MinLastColumnWidth, room);
        }

        foreach (var row in cells)
        {
            var wrapped = row.Select((cell, i) => Wrap(cell, wrapWidths[i])).ToArray();
            for (var lineIndex = 0; lineIndex < wrapped.Max(w => w.Count); lineIndex++)
            {
                var line = new StringBuilder("  ");
                for (var i = 0; i < row.Length; i++)
                {
                    var part = lineIndex < wrapped[i].Count ? wrapped[i][lineIndex] : string.Empty;
                    line.Append(i < row.Length - 1 ? part.PadRight(widths[i] + 2) : part);
                }

                text.AppendLine(line.ToString().TrimEnd());
            }
        }
    }

    /// <summary>Breaks <paramref name="text"/> at spaces into lines of at most <paramref name="width"/> (a longer word gets a line of its own).</summary>
    public static List<string> Wrap(string text, int width)
    {
        if (text.Length <= width)
        {
            return [text];
        }

        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        lines.Add(line.ToString());
        return lines;
    }

    private static int LongestWord(string cell) => cell.Split(' ').Max(w => w.Length);
}
