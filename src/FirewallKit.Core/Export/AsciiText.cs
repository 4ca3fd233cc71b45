using System.Text;

namespace FirewallKit.Core.Export;

/// <summary>
/// Text in plain ASCII for places where a reader only ever sees it (comments, netsh descriptions):
/// dashes and arrows as <c>-</c> and <c>-&gt;</c>, accented Latin letters without their accents,
/// anything else as <c>?</c>. Scripts are read in whatever code page the machine uses (Windows
/// PowerShell 5.1 reads a file without a byte order mark as ANSI, cmd.exe a batch file as OEM), and
/// ASCII is the only text every one of them reads the same.
/// </summary>
public static class AsciiText
{
    private static readonly Dictionary<char, string> Transliterations = new()
    {
        ['\u2013'] = "-", // en dash
        ['\u2014'] = "-", // em dash
        ['\u2212'] = "-", // minus sign
        ['\u2192'] = "->",
        ['\u2190'] = "<-",
        ['\u2194'] = "<->",
        ['\u2018'] = "'",
        ['\u2019'] = "'",
        ['\u201A'] = "'",
        ['\u201B'] = "'",
        ['\u201C'] = "'", // typographic double quotes must not become '"'
        ['\u201D'] = "'",
        ['\u201E'] = "'",
        ['\u2026'] = "...",
        ['\u00B7'] = "-",
        ['\u00D7'] = "x",
        ['\u00A0'] = " ",
    };

    public static bool IsPrintable(char c) => c is >= ' ' and <= '~';

    /// <summary>The text with every character outside printable ASCII transliterated; control characters are kept for the caller to judge.</summary>
    public static string Transliterate(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (IsPrintable(c) || char.IsControl(c))
            {
                text.Append(c);
            }
            else if (Transliterations.TryGetValue(c, out var replacement))
            {
                text.Append(replacement);
            }
            else
            {
                text.Append(WithoutAccent(c));
            }
        }

        return text.ToString();
    }

    // U+00C0 to U+00FF without their accents ('?' where there is no ASCII letter). A table rather
    // than Unicode decomposition, which is not available under invariant globalization.
    private const string Latin1Letters = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo?ouuuuyty";

    private static char WithoutAccent(char c) => c is >= '\u00C0' and <= '\u00FF' ? Latin1Letters[c - '\u00C0'] : '?';
}
