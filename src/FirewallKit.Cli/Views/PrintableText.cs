using System.Globalization;
using System.Text;

namespace FirewallKit.Cli.Views;

/// <summary>
/// Text from a catalog, a profile, a rule or an error message, made safe to show to a person: a line
/// break would forge a log line or a table row, an escape sequence would drive the terminal, and a
/// bidirectional override would make the text read other than it is. Each such character is written
/// as an escape (<c>\n</c>, <c>\u001B</c>, <c>\u202E</c>); everything else is left as it is.
/// </summary>
public static class PrintableText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !HasEscapes(text))
        {
            return text ?? string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when NeedsEscape(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Printable ASCII, which needs no escape, is skipped in vectorised runs: a table of a million rows is mostly such
    /// text. Only the other characters are looked at one by one.
    /// </summary>
    private static bool HasEscapes(string text)
    {
        var rest = text.AsSpan();
        int other;
        while ((other = rest.IndexOfAnyExceptInRange(' ', '~')) >= 0)
        {
            if (NeedsEscape(rest[other]))
            {
                return true;
            }

            rest = rest[(other + 1)..];
        }

        return false;
    }

    /// <summary>C0 and C1 controls and DEL, line and paragraph separators, and the bidirectional controls.</summary>
    public static bool NeedsEscape(char c) =>
        char.IsControl(c)
        || c is '\u2028' or '\u2029' or '\u061C' or '\u200E' or '\u200F'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
