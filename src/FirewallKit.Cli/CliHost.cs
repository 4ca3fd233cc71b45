using System.CommandLine;
using FirewallKit.Cli.Logging;
using FirewallKit.Core.Apply;
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
    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public IFirewallEnvironment Firewall { get; } = firewall ?? FirewallPlatform.Current();

    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <param name="defaultLogFile">Where the detailed log goes when no --log-file is given (commands that change the machine keep one).</param>
    public int Run(ParseResult parse, Func<ILogger, int> body, string? defaultLogFile = null)
    {
        var verbose = parse.GetValue(GlobalOptions.Verbose);
        using var log = LoggingSetup.Create(Error, verbose, parse.GetValue(GlobalOptions.Quiet), parse.GetValue(GlobalOptions.LogFile) ?? defaultLogFile);
        try
        {
            log.Debug("fwkit {Command} started", parse.CommandResult.Command.Name);
            return body(log);
        }
        catch (InputException ex)
        {
            return LogInputErrors(log, ex);
        }
        catch (Exception ex) when (OptionErrors.Map(ex) is { } input)
        {
            return LogInputErrors(log, input);
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
    }

    private static int LogInputErrors(ILogger log, InputException exception)
    {
        foreach (var error in exception.Errors)
        {
            log.Error("{File}: {Path}: {Message}. Fix: {Fix}", error.File, error.Path, error.Message, error.Fix);
        }

        return ExitCodes.InvalidInput;
    }

    /// <summary>Writes what the user asked for to the file given (UTF-8, with a byte order mark if asked), or to stdout.</summary>
    public void Write(string? outputPath, string content, ILogger log, bool byteOrderMark = false)
    {
        if (outputPath is null)
        {
            Out.Write(content);
            Out.Flush();
            return;
        }

        var full = Path.GetFullPath(outputPath);
        var directory = Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new InputException("command line", "--output", $"the folder '{directory}' does not exist", "create the folder, or write the file somewhere else");
        }

        // Write beside the target and rename, so a reader never sees half a file.
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, content, new System.Text.UTF8Encoding(byteOrderMark));
        File.Move(temporary, full, overwrite: true);
        log.Information("Wrote {Path}", full);
    }
}
