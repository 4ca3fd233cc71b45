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

    /// <param name="width">The terminal's columns: the last column wraps to fit. Null (redirected output) keeps every row on one line.</param>
    public static void Append(StringBuilder text, string[] header, IEnumerable<string[]> rows, int? width = null)
    {
        var cells = rows.Prepend(header).Select(r => r.Select(PrintableText.Escape).ToArray()).ToList();
        var widths = header.Select((_, i) => cells.Max(r => r[i].Length)).ToArray();
        var lastColumn = 2 + widths[..^1].Sum(w => w + 2);
        var lastWidth = width is { } columns ? Math.Max(MinLastColumnWidth, columns - lastColumn - 1) : int.MaxValue;
        foreach (var row in cells)
        {
            var line = new StringBuilder("  ");
            for (var i = 0; i < row.Length - 1; i++)
            {
                line.Append(row[i].PadRight(widths[i] + 2));
            }

            var wrapped = Wrap(row[^1], lastWidth);
            text.AppendLine((line + wrapped[0]).TrimEnd());
            foreach (var more in wrapped.Skip(1))
            {
                text.Append(' ', lastColumn).AppendLine(more);
            }
        }
    }

    /// <summary>Breaks <paramref name="cell"/> at spaces into lines of at most <paramref name="width"/> (a longer word gets a line of its own).</summary>
    private static List<string> Wrap(string cell, int width)
    {
        if (cell.Length <= width)
        {
            return [cell];
        }

        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in cell.Split(' '))
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
}
