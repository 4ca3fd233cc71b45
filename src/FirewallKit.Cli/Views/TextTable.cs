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
        if (width is null)
        {
            AppendUnwrapped(text, header, rows);
            return;
        }

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

    /// <summary>
    /// Every row on one line, for redirected output: written straight into <paramref name="text"/>, sized once, with no
    /// copy of the rows, their lines or their padded cells, since a table of a deployment's flows has millions of rows.
    /// The rows are read twice, for the widths and then the lines: a query over a list of results builds each row again.
    /// </summary>
    private static void AppendUnwrapped(StringBuilder text, string[] header, IEnumerable<string[]> rows)
    {
        var widths = new int[header.Length];
        long lines = 0, lastCells = 0;
        foreach (var row in rows.Prepend(header))
        {
            var escaped = Escaped(row);
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], escaped[i].Length);
            }

            lines++;
            lastCells += escaped[^1].Length;
        }

        // At most this much: trimming a line's end only shortens it.
        var lineRoom = 2 + widths[..^1].Sum(w => (long)w + 2) + Environment.NewLine.Length;
        text.EnsureCapacity((int)Math.Min(text.Length + (lines * lineRoom) + lastCells, Array.MaxLength));
        foreach (var row in rows.Prepend(header))
        {
            AppendLine(text, Escaped(row), widths);
        }
    }

    /// <summary>The row with every cell escaped: the row itself when none needs it, as most do not.</summary>
    private static string[] Escaped(string[] row)
    {
        var escaped = row;
        for (var i = 0; i < row.Length; i++)
        {
            var cell = PrintableText.Escape(row[i]);
            if (!ReferenceEquals(cell, row[i]))
            {
                escaped = escaped == row ? (string[])row.Clone() : escaped;
                escaped[i] = cell;
            }
        }

        return escaped;
    }

    private static void AppendLine(StringBuilder text, string[] row, int[] widths)
    {
        var start = text.Length;
        text.Append("  ");
        for (var i = 0; i < row.Length; i++)
        {
            var cell = row[i];
            text.Append(cell);
            if (i < row.Length - 1 && widths[i] + 2 > cell.Length)
            {
                text.Append(' ', widths[i] + 2 - cell.Length);
            }
        }

        // As a line trimmed at its end: an empty last cell leaves no padding behind.
        var end = text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        text.Length = end;
        text.AppendLine();
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
