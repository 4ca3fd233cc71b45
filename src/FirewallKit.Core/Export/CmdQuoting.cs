using System.Text;

namespace FirewallKit.Core.Export;

/// <summary>
/// Values for a line of a <c>.cmd</c> file. Inside double quotes cmd.exe takes <c>&amp; | &lt; &gt; ^</c>
/// literally, but still expands <c>%VAR%</c>, so <c>%</c> is doubled; a <c>"</c> would end the quoted
/// value and there is no escape for it that netsh understands, and a line break would end the
/// command, so text with either cannot be written and is refused.
/// </summary>
public static class CmdQuoting
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

    /// <summary>Why <paramref name="value"/> cannot be a quoted value on a batch-file line, or null when it can.</summary>
    public static string? Problem(string value)
    {
        if (value.Contains('"', StringComparison.Ordinal))
        {
            return "contains '\"', which cannot appear inside a quoted netsh value";
        }

        if (value.Any(c => char.IsControl(c) && c != '\t'))
        {
            return "contains a line break or another control character, which would end the command line of a batch file";
        }

        return null;
    }

    /// <summary><c>"value"</c> with <c>%</c> doubled; call <see cref="Problem"/> first.</summary>
    public static string Quote(string value)
    {
        if (Problem(value) is { } problem)
        {
            throw new ArgumentException($"The value {problem}.", nameof(value));
        }

        return "\"" + value.Replace("%", "%%", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// The text in plain ASCII: dashes and arrows as <c>-</c> and <c>-&gt;</c>, accented Latin letters
    /// without their accents, anything else as <c>?</c>. cmd.exe reads a batch file in the console's OEM code
    /// page, not UTF-8, so any other byte would reach the firewall garbled.
    /// </summary>
    public static string ToAscii(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is >= ' ' and <= '~' or '\t')
            {
                text.Append(c);
            }
            else if (Transliterations.TryGetValue(c, out var replacement))
            {
                text.Append(replacement);
            }
            else if (char.IsControl(c))
            {
                // Left for Problem() to refuse: a line break must not silently vanish.
                text.Append(c);
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
