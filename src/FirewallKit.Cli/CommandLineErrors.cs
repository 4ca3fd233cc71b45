using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace FirewallKit.Cli;

/// <summary>
/// What <see cref="CliHost"/> needs to report a command line that does not parse through the same log as every other
/// message: the parser's typo corrections (<c>fwkit plna</c> → <c>plan</c>), and --quiet and --verbose read from the tokens.
/// </summary>
internal static class CommandLineErrors
{
    /// <summary>The parser's own "did you mean" lines, captured rather than printed so they reach the log.</summary>
    public static IReadOnlyList<string> TypoCorrections(ParseResult parse)
    {
        if (parse.Action is not ParseErrorAction action)
        {
            return [];
        }

        action.ShowHelp = false;
        action.ShowTypoCorrections = true;
        using var suggestions = new StringWriter();
        using var errors = new StringWriter();
        parse.Invoke(new InvocationConfiguration { Output = suggestions, Error = errors, EnableDefaultExceptionHandler = false });
        return Corrections(suggestions.ToString());
    }

    /// <summary>
    /// The parser writes "'plna' was not matched. Did you mean one of the following?" and one candidate a line. One line
    /// per token is kept; a value left over from a mistyped option ('json' after --formt) only ever "matches" short
    /// aliases such as -o, which would mislead, so it is dropped.
    /// </summary>
    internal static IReadOnlyList<string> Corrections(string parserText)
    {
        var corrections = new List<string>();
        string? token = null;
        var candidates = new List<string>();
        void Flush()
        {
            if (token is not null && candidates.Count > 0 && (token.StartsWith('-') || !candidates.All(c => c.StartsWith('-'))))
            {
                corrections.Add($"'{token}' is not known; did you mean {string.Join(" or ", candidates.Select(c => $"'{c}'"))}?");
            }

            candidates.Clear();
        }

        foreach (var line in parserText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('\'') && line.IndexOf('\'', 1) is var end and > 0 && line.Contains("Did you mean", StringComparison.Ordinal))
            {
                Flush();
                token = line[1..end];
            }
            else
            {
                candidates.Add(line);
            }
        }

        Flush();
        return corrections;
    }

    /// <summary>Read from the tokens: a command line with errors may have no typed values, nor results for the options after the error.</summary>
    public static bool Flag(ParseResult parse, Option<bool> option) => OptionTokenIndex(parse, option) >= 0;

    private static int OptionTokenIndex(ParseResult parse, Option option)
    {
        for (var i = parse.Tokens.Count - 1; i >= 0; i--)
        {
            var token = parse.Tokens[i];
            if (token.Type == TokenType.Option && (token.Value == option.Name || option.Aliases.Contains(token.Value)))
            {
                return i;
            }
        }

        return -1;
    }
}
