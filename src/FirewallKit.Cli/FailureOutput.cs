using System.CommandLine;
using System.CommandLine.Parsing;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Validation;
using Serilog;

namespace FirewallKit.Cli;

/// <summary>
/// A command asked for <c>--format json</c> still gets the <c>fwkit.result</c> summary when it fails before it
/// has anything else to print (bad input, a bad command line, a bug), so automation never has to scrape the log.
/// It goes where the command's output would have gone: the <c>--output</c> file, or stdout.
/// </summary>
internal static class FailureOutput
{
    public static void Write(CliHost host, ParseResult parse, int exitCode, IReadOnlyList<InputError> errors, IReadOnlyList<string> problems, ILogger log)
    {
        if (!AsksForJson(parse))
        {
            return;
        }

        var json = ResultFormatter.FailureJson(parse.CommandResult.Command.Name, exitCode, errors, problems);
        try
        {
            host.Write(TokenOf(parse, "--output"), json, log);
        }
        catch (Exception ex) when (ex is InputException or IOException or UnauthorizedAccessException)
        {
            // The file is what failed: the summary still reaches the caller.
            host.Write(null, json, log);
        }
    }

    /// <summary>Read from the tokens, not the typed value: a command line with errors may have no typed values.</summary>
    public static bool AsksForJson(ParseResult parse) =>
        string.Equals(TokenOf(parse, "--format"), "json", StringComparison.OrdinalIgnoreCase);

    private static string? TokenOf(ParseResult parse, string name) =>
        parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == name) is { } option
        && parse.GetResult(option) is OptionResult { Tokens: [{ Value: var value }] }
            ? value
            : null;
}
