using System.Globalization;

namespace FirewallKit.Core.RuleWords;

/// <summary>
/// Text fwkit could have written into a rule: no control characters (a line break, ESC) and no bidirectional or
/// other invisible format characters (U+202E, U+2066), which make a name read as something it is not.
/// </summary>
public static class PrintableRuleText
{
    /// <summary>The first character that is not printable, described for an error message; null when all are.</summary>
    /// <param name="lineBreaks">Whether line breaks are allowed (a description may have several lines).</param>
    public static string? FirstUnprintable(string text, bool lineBreaks = false)
    {
        foreach (var c in text)
        {
            if (lineBreaks && c is '\n' or '\r')
            {
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
            }
        }

        return null;
    }
}
