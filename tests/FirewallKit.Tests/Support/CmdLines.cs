using System.Text.RegularExpressions;

namespace FirewallKit.Tests.Support;

/// <summary>
/// The lines cmd.exe reads from a generated .cmd: a parenthesised block (for, if) is one line
/// until its parentheses close, and <c>%NAME%</c> is expanded with the value the script last
/// set, as cmd does when it reads the line. Quoted parentheses do not count.
/// </summary>
public static partial class CmdLines
{
    public static IReadOnlyList<string> Logical(string script)
    {
        var variables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lines = new List<string>();
        var pending = string.Empty;
        var depth = 0;
        foreach (var physical in script.Split("\r\n"))
        {
            pending = pending.Length == 0 ? physical : pending + "\r\n" + physical;
            depth += Depth(physical);
            if (depth > 0)
            {
                continue;
            }

            var expanded = Variable().Replace(pending, m => variables.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
            lines.Add(expanded);
            if (SetLine().Match(pending) is { Success: true } set)
            {
                variables[set.Groups[1].Value] = set.Groups[2].Value;
            }

            pending = string.Empty;
            depth = 0;
        }

        return lines;
    }

    public static int Longest(string script) => Logical(script).Max(line => line.Length);

    private static int Depth(string line)
    {
        var depth = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                depth++;
            }
            else if (!quoted && c == ')')
            {
                depth--;
            }
        }

        return depth;
    }

    [GeneratedRegex("(?<!%)%([A-Za-z_]+)%")]
    private static partial Regex Variable();

    [GeneratedRegex("^set \"([A-Za-z_]+)=(.*)\"$")]
    private static partial Regex SetLine();
}
