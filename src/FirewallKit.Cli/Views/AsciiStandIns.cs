using System.Globalization;
using System.Text;
using FirewallKit.Core.Export;

namespace FirewallKit.Cli.Views;

/// <summary>
/// Output for a console that cannot show Unicode: text gets the same ASCII stand-ins as exported scripts
/// (→ as ->, · and – as -, see <see cref="AsciiText"/>), and JSON escapes every non-ASCII character (\u2192),
/// which keeps the document exact.
/// </summary>
public static class AsciiStandIns
{
    public static string Apply(string content)
    {
        if (content.All(char.IsAscii))
        {
            return content;
        }

        if (!content.TrimStart().StartsWith('{'))
        {
            return AsciiText.Transliterate(content);
        }

        var text = new StringBuilder(content.Length);
        foreach (var c in content)
        {
            if (char.IsAscii(c))
            {
                text.Append(c);
            }
            else
            {
                // Outside strings fwkit's JSON is ASCII, so every non-ASCII character is inside a string, where \uXXXX means it exactly.
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }

        return text.ToString();
    }
}
