using System.Globalization;
using System.Text;

namespace FirewallKit.Core.Export;

/// <summary>
/// Writes text as a PowerShell expression in plain ASCII, so catalog and profile text is always data
/// and every code page reads the same script. Printable ASCII goes in single-quoted literals, where
/// nothing is expanded and the only character that ends the literal is <c>'</c>, which is doubled;
/// every other character (non-ASCII letters, arrows, typographic quotes, line breaks) is built at run
/// time from its code point, <c>[char]0x2192</c>, and joined on: <c>('Web ' + [char]0x2192 + ' app')</c>.
/// Windows PowerShell 5.1 reads a file without a byte order mark as ANSI, where the UTF-8 bytes of
/// <c>’</c> or <c>→</c> would turn into other characters, some of which PowerShell takes as quotes.
/// </summary>
public static class PowerShellLiteral
{
    public static string Quote(string value)
    {
        var parts = new List<string>();
        var literal = new StringBuilder();
        foreach (var c in value)
        {
            if (AsciiText.IsPrintable(c))
            {
                literal.Append(c);
                if (c == '\'')
                {
                    literal.Append(c);
                }

                continue;
            }

            if (literal.Length > 0 || parts.Count == 0)
            {
                // A leading '' makes the sum a string: [char] + [string] would be arithmetic.
                parts.Add("'" + literal + "'");
                literal.Clear();
            }

            parts.Add("[char]0x" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }

        if (literal.Length > 0 || parts.Count == 0)
        {
            parts.Add("'" + literal + "'");
        }

        // Parenthesised: in a list, ',' binds tighter than '+'.
        return parts.Count == 1 ? parts[0] : "(" + string.Join(" + ", parts) + ")";
    }

    /// <summary><c>@('a', 'b')</c>: an array even for one element, so a string-array parameter always gets an array.</summary>
    public static string Array(IEnumerable<string> values) => "@(" + string.Join(", ", values.Select(Quote)) + ")";

    /// <summary>
    /// Text for a <c>#</c> comment line, in ASCII (<see cref="AsciiText.Transliterate"/>): a comment ends
    /// at a line break, so anything PowerShell or an editor could take as one (and any other control
    /// character) becomes a space.
    /// </summary>
    public static string CommentText(string value) =>
        AsciiText.Transliterate(new string([.. value.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c)]));
}
