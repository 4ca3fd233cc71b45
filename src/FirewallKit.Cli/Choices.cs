using System.CommandLine;
using System.CommandLine.Parsing;

namespace FirewallKit.Cli;

/// <summary>
/// Options and arguments that take one of a few names, in any case. A value that is not one of them is refused in
/// the style of every other input error (the value, the choices, a suggestion, <c>Fix:</c>) instead of the parser's
/// own message, whose "\n\t" the log would print escaped. The names also answer tab completion.
/// </summary>
internal static class Choices
{
    public static void AcceptOnly(Option option, IReadOnlyList<string> names)
    {
        option.Validators.Add(result => Check(result, option.Name, names, choice => $"{option.Name} {choice}"));
        // Not the enum's own member names (Json, PowerShell) beside ours.
        option.CompletionSources.Clear();
        option.CompletionSources.Add([.. names]);
    }

    /// <param name="usage">How the command line is written with a choice, such as "fwkit schema profile".</param>
    public static void AcceptOnly(Argument argument, IReadOnlyList<string> names, Func<string, string> usage)
    {
        argument.Validators.Add(result => Check(result, argument.Name.ToUpperInvariant(), names, usage));
        argument.CompletionSources.Clear();
        argument.CompletionSources.Add([.. names]);
    }

    public static bool IsOneOf(string value, IReadOnlyList<string> names) => names.Contains(value, StringComparer.OrdinalIgnoreCase);

    /// <summary>"command line: --format: 'ps1' is not one of powershell, netsh, json. Fix: use --format powershell, --format netsh or --format json".</summary>
    public static string Refusal(string name, string value, IReadOnlyList<string> names, Func<string, string> usage)
    {
        var fix = Suggestion(value, names) is { } likely
            ? $"did you mean '{likely}'? Use {usage(likely)}"
            : "use " + string.Join(" or ", [string.Join(", ", names.SkipLast(1).Select(usage)), usage(names[^1])]);
        return $"{OptionErrors.CommandLine}: {name}: '{value}' is not one of {string.Join(", ", names)}. Fix: {fix}";
    }

    private static void Check(SymbolResult result, string name, IReadOnlyList<string> names, Func<string, string> usage)
    {
        foreach (var token in result.Tokens.Where(t => !IsOneOf(t.Value, names)))
        {
            result.AddError(Refusal(name, token.Value, names, usage));
        }
    }

    /// <summary>The one choice the value most likely means: the only one it starts (dom → domain), or one a typo or two away (jsn → json).</summary>
    private static string? Suggestion(string value, IReadOnlyList<string> names)
    {
        if (value.Length == 0)
        {
            return null;
        }

        var started = names.Where(n => n.StartsWith(value, StringComparison.OrdinalIgnoreCase)).ToList();
        if (started.Count == 1)
        {
            return started[0];
        }

        var close = names
            .Select(n => (Name: n, Distance: Distance(value.ToLowerInvariant(), n.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(1, c.Name.Length / 3))
            .OrderBy(c => c.Distance)
            .ToList();
        return close.Count > 0 && (close.Count == 1 || close[0].Distance < close[1].Distance) ? close[0].Name : null;
    }

    /// <summary>Levenshtein distance: the edits that turn one word into the other.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
