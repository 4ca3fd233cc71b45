using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text;
using FirewallKit.Cli.Logging;
using FirewallKit.Core.Apply;
using FirewallKit.Core.IO;
using FirewallKit.Core.Validation;
using Serilog;

namespace FirewallKit.Cli;

/// <summary>
/// Where a command's output goes, and the one place that turns failures into exit codes:
/// invalid input is exit 2 with the file, path and fix; a bug is exit 10, with its stack trace only under --verbose.
/// The firewall and clock are the machine's unless a test hands in its own.
/// </summary>
public sealed class CliHost(TextWriter stdout, TextWriter stderr, IFirewallEnvironment? firewall = null, TimeProvider? clock = null)
{
    /// <summary>The options that name files a command reads; --output may not overwrite one of them.</summary>
    private static readonly string[] InputOptions = ["--profile", "--catalog", "--rules", "--backup"];

    /// <summary>The input files of the command running now, for <see cref="Write"/>.</summary>
    private IReadOnlyList<string> _inputs = [];

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public IFirewallEnvironment Firewall { get; } = firewall ?? FirewallPlatform.Current();

    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <param name="defaultLogFile">Where the detailed log goes when no --log-file is given (commands that change the machine keep one).</param>
    public int Run(ParseResult parse, Func<ILogger, int> body, string? defaultLogFile = null)
    {
        var verbose = parse.GetValue(GlobalOptions.Verbose);
        using var log = LoggingSetup.Create(Error, verbose, parse.GetValue(GlobalOptions.Quiet), parse.GetValue(GlobalOptions.LogFile) ?? defaultLogFile);
        _inputs = InputPaths(parse);
        try
        {
            log.Debug("fwkit {Command} started", parse.CommandResult.Command.Name);
            return body(log);
        }
        catch (InputException ex)
        {
            foreach (var error in ex.Errors)
            {
                log.Error("{File}: {Path}: {Message}. Fix: {Fix}", error.File, error.Path, error.Message, error.Fix);
            }

            return ExitCodes.InvalidInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.Error("{Message}", ex.Message);
            return ExitCodes.InvalidInput;
        }
#pragma warning disable CA1031 // The last line of defence: a bug must still end in a documented exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (verbose)
            {
                log.Fatal(ex, "fwkit failed unexpectedly");
            }
            else
            {
                log.Fatal("fwkit failed unexpectedly: {Message} (run with --verbose for details)", ex.Message);
            }

            return ExitCodes.InternalError;
        }
        finally
        {
            _inputs = [];
        }
    }

    /// <summary>
    /// Writes what the user asked for to the file given (UTF-8, with a byte order mark if asked), or to stdout.
    /// The file is replaced whole, never written through a link, never over one of the command's inputs.
    /// </summary>
    public void Write(string? outputPath, string content, ILogger log, bool byteOrderMark = false)
    {
        if (outputPath is null)
        {
            Out.Write(content);
            Out.Flush();
            return;
        }

        var encoding = new UTF8Encoding(byteOrderMark);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(content)];
        string written;
        try
        {
            written = SafeFileWriter.Write(outputPath, bytes, _inputs);
        }
        catch (FileRefusedException ex)
        {
            throw new InputException("command line", "--output", ex.Problem, ex.Fix);
        }

        log.Information("Wrote {Path}", written);
    }

    private static string[] InputPaths(ParseResult parse) =>
        [.. InputOptions
            .Select(name => parse.GetResult(name))
            .OfType<OptionResult>()
            .SelectMany(option => option.Tokens)
            .Select(token => token.Value)];
}
