using System.Globalization;
using System.Text;

namespace FirewallKit.Cli.Views;

/// <summary>
/// Output for a console that cannot show Unicode: text gets ASCII stand-ins (→ as ->, · and – as -), and JSON
/// escapes every non-ASCII character (\u2192), which keeps the document exact. Anything else unknown becomes '?',
/// as the console would print it anyway.
/// </summary>
public static class AsciiStandIns
{
    private static readonly Dictionary<char, string> StandIns = new()
    {
        ['\u2192'] = "->",
        ['\u2190'] = "<-",
        ['\u2194'] = "<->",
        ['\u00B7'] = "-",
        ['\u2013'] = "-",
        ['\u2014'] = "-",
        ['\u2212'] = "-",
        ['\u2026'] = "...",
        ['\u2018'] = "'",
        ['\u2019'] = "'",
        ['\u201C'] = "\"",
        ['\u201D'] = "\"",
        ['\u00A0'] = " ",
    };

    public static string Apply(string content)
    {
        if (content.All(char.IsAscii))
        {
            return content;
        }

        var json = content.TrimStart().StartsWith('{');
        var text = new StringBuilder(content.Length);
        foreach (var c in content)
        {
            if (char.IsAscii(c))
            {
                text.Append(c);
            }
            else if (json)
            {
                // Outside strings fwkit's JSON is ASCII, so every non-ASCII character is inside a string, where \uXXXX means it exactly.
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                text.Append(StandIns.TryGetValue(c, out var standIn) ? standIn : "?");
            }
        }

        return text.ToString();
    }
}
