using System.CommandLine;
using System.CommandLine.Parsing;
using System.Security.Cryptography;
using System.Text;
using FirewallKit.Cli.Logging;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Export;
using FirewallKit.Core.IO;
using FirewallKit.Core.Machine;
using FirewallKit.Core.Validation;
using Serilog;

namespace FirewallKit.Cli;

/// <summary>
/// Where a command's output goes, and the one place that turns failures into exit codes:
/// invalid input (a file or an argument) is exit 2 with the file, path and fix; a bug is exit 10,
/// with its stack trace only under --verbose. The firewall, the network interfaces, the live audit sources and the
/// clock are the machine's unless a test hands in its own.
/// </summary>
public sealed class CliHost(
    TextWriter stdout,
    TextWriter stderr,
    IFirewallEnvironment? firewall = null,
    TimeProvider? clock = null,
    ConsoleTarget? console = null,
    INetworkInterfaces? network = null,
    LiveAudit? liveAudit = null)
{
    private const string CommandLine = "command line";

    /// <summary>The options that name files a command reads; --output may not overwrite one of them.</summary>
    private static readonly string[] InputOptions = ["--profile", "--catalog", "--rules", "--backup"];

    /// <summary>The input files of the command running now, for <see cref="Write"/>.</summary>
    private IReadOnlyList<string> _inputs = [];

    public TextWriter Out { get; } = stdout;

    /// <summary>What stdout can show (width, Unicode); the console's own unless a test hands in one.</summary>
    public ConsoleTarget Console { get; } = console ?? ConsoleTarget.For(stdout);

    public TextWriter Error { get; } = stderr;

    public IFirewallEnvironment Firewall { get; } = firewall ?? FirewallPlatform.Current();

    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <summary>Where apply and verify resolve LocalSubnet.</summary>
    public INetworkInterfaces Network { get; } = network ?? FirewallPlatform.CurrentNetwork();

    /// <summary>What audit reads without --rules; null where the live firewall cannot be read (off Windows).</summary>
    public LiveAudit? LiveAudit { get; } = liveAudit ?? FirewallPlatform.CurrentLiveAudit();

    /// <summary>Parses <paramref name="args"/> and runs the command, or reports every argument error (exit 2).</summary>
    public int Invoke(RootCommand root, IReadOnlyList<string> args)
    {
        ParseResult parse;
        try
        {
            parse = root.Parse(args);
        }
#pragma warning disable CA1031 // The last line of defence: a bug must still end in a documented exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Parsing runs the commands' validators; one that throws (reading a value the parser could
            // not convert, say) is a bug, and still ends in a documented exit code, not a crash.
            var verbose = args.Contains(GlobalOptions.Verbose.Name) || GlobalOptions.Verbose.Aliases.Any(args.Contains);
            using var log = LoggingSetup.Create(Error, verbose, quiet: false, logFile: null);
            LogBug(log, ex, verbose);
            return ExitCodes.InternalError;
        }

        var errors = ArgumentErrors(parse);
        if (errors.Count > 0)
        {
            return ReportArgumentErrors(parse, errors);
        }

        return parse.Invoke(new InvocationConfiguration { Output = Out, Error = Error, EnableDefaultExceptionHandler = false });
    }

    /// <param name="defaultLogFile">Where the detailed log goes when no --log-file is given (commands that change the machine keep one).</param>
    public int Run(ParseResult parse, Func<ILogger, int> body, string? defaultLogFile = null)
    {
        var verbose = parse.GetValue(GlobalOptions.Verbose);
        var requestedLog = parse.GetValue(GlobalOptions.LogFile);
        var (logFile, logFileError) = OpenLogFile(requestedLog ?? defaultLogFile, InputPaths(parse));
        using var closeLogFile = logFile;
        using var log = LoggingSetup.Create(Error, verbose, parse.GetValue(GlobalOptions.Quiet), logFile);
        if (logFileError is not null)
        {
            if (requestedLog is not null)
            {
                ReportLogFileError(log, logFileError);
                return ExitCodes.InvalidInput;
            }

            log.Warning("No log file: {Problem}", logFileError.Problem);
        }

        var command = parse.CommandResult.Command.Name;
        var (version, commit) = VersionFormatter.Parts(VersionAction.InformationalVersion);
        log.Debug("fwkit {Command} started: version {Version}, commit {Commit}, arguments {Arguments}", command, version, commit ?? "unknown", parse.Tokens.Select(t => t.Value).ToArray());
        if (logFile?.Failure is { } failure && requestedLog is not null)
        {
            // The first line could not be written (a full disk, /dev/full): nothing has been done yet.
            ReportLogFileError(log, CannotWrite(logFile, failure));
            return ExitCodes.InvalidInput;
        }

        _inputs = InputPaths(parse);
        var started = Clock.GetTimestamp();
        var exitCode = ExitCodes.InternalError;
        try
        {
            if (logFile is not null || verbose)
            {
                // What a support case needs to know the inputs were the ones the installer shipped.
                LogInputFiles(parse, log);
            }

            exitCode = Execute(parse, log, body, verbose);
            return exitCode;
        }
        finally
        {
            log.Debug(
                "fwkit {Command} finished: exit code {ExitCode} ({Outcome}) after {Duration:0} ms",
                command,
                exitCode,
                ExitCodes.Name(exitCode),
                Clock.GetElapsedTime(started).TotalMilliseconds);
            _inputs = [];
            if (logFile?.Failure is { } lateFailure)
            {
                log.Warning("The log file {LogFile} is incomplete: writing it failed: {Reason}", logFile.Path, lateFailure.Message);
            }
        }
    }

    /// <summary>Each input file's path as given, as resolved, and its SHA-256; a file that cannot be read is left to the command to report.</summary>
    private static void LogInputFiles(ParseResult parse, ILogger log)
    {
        foreach (var name in InputOptions)
        {
            if (parse.GetResult(name) is OptionResult { Tokens: [{ Value: { Length: > 0 } path }] })
            {
                try
                {
                    var hash = Convert.ToHexStringLower(SHA256.HashData(BoundedFileReader.ReadAll(path, JsonInput.MaxBytes).Span));
                    log.Debug("{Option} {Path} ({FullPath}): sha256:{FileHash}", name, path, Path.GetFullPath(path), hash);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FileRefusedException or ArgumentException or NotSupportedException)
                {
                    log.Debug("{Option} {Path}: not hashed: {Reason}", name, path, ex.Message);
                }
            }
        }
    }

    private int Execute(ParseResult parse, ILogger log, Func<ILogger, int> body, bool verbose)
    {
        try
        {
            return body(log);
        }
        catch (InputException ex)
        {
            return Failed(parse, log, LogInputErrors(log, ex), ex.Errors, [.. ex.Errors.Select(e => e.ToString())]);
        }
        catch (Exception ex) when (OptionErrors.Map(ex) is { } input)
        {
            return Failed(parse, log, LogInputErrors(log, input), input.Errors, [.. input.Errors.Select(e => e.ToString())]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.Error("{Message}", ex.Message);
            return Failed(parse, log, ExitCodes.InvalidInput, [], [ex.Message]);
        }
#pragma warning disable CA1031 // The last line of defence: a bug must still end in a documented exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogBug(log, ex, verbose);
            return Failed(parse, log, ExitCodes.InternalError, [], ["fwkit failed unexpectedly: " + ex.Message]);
        }
    }

    /// <summary>With --format json the failure's fwkit.result summary goes where the output would have gone.</summary>
    private int Failed(ParseResult parse, ILogger log, int exitCode, IReadOnlyList<InputError> errors, IReadOnlyList<string> problems)
    {
        FailureOutput.Write(this, parse, exitCode, errors, problems, log);
        return exitCode;
    }

    private static int LogInputErrors(ILogger log, InputException exception)
    {
        foreach (var error in exception.Errors)
        {
            log.Error("{File}: {Path}: {Message}. Fix: {Fix}", error.File, error.Path, error.Message, error.Fix);
        }

        return ExitCodes.InvalidInput;
    }

    /// <summary>
    /// As <see cref="Write(string?, string, ILogger, bool)"/>, for text built in a <see cref="StringBuilder"/>: stdout
    /// gets its chunks as they are, with no copy of a text that may run to hundreds of megabytes (a deployment's flows).
    /// </summary>
    public void Write(string? outputPath, StringBuilder content, ILogger log)
    {
        if (outputPath is not null || !Console.Unicode)
        {
            Write(outputPath, content.ToString(), log);
            return;
        }

        foreach (var chunk in content.GetChunks())
        {
            Out.Write(chunk.Span);
        }

        Out.Flush();
    }

    /// <summary>
    /// Writes what the user asked for to the file given (UTF-8, with a byte order mark if asked), or to stdout.
    /// The file is replaced whole, never written through a link, never over one of the command's inputs.
    /// </summary>
    public void Write(string? outputPath, string content, ILogger log, bool byteOrderMark = false)
    {
        if (outputPath is null)
        {
            Out.Write(Console.Unicode ? content : Views.AsciiStandIns.Apply(content));
            Out.Flush();
            return;
        }

        var encoding = new UTF8Encoding(byteOrderMark);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(content)];
        Replace(outputPath, path => SafeFileWriter.Write(path, bytes, _inputs), log);
    }

    private static void Replace(string outputPath, Func<string, string> write, ILogger log)
    {
        string written;
        try
        {
            written = write(outputPath);
        }
        catch (FileRefusedException ex)
        {
            throw new InputException(CommandLine, "--output", ex.Problem, ex.Fix);
        }

        log.Information("Wrote {Path}", written);
    }

    /// <summary>
    /// Writes UTF-8 output that is made as it is written (a plan of thousands of peers is megabytes of JSON): to the
    /// process's stdout stream when that takes UTF-8 as it is, to <paramref name="outputPath"/> through
    /// <see cref="SafeFileWriter"/>, else as text through <see cref="Write(string?, string, ILogger, bool)"/>.
    /// </summary>
    public void Write(string? outputPath, Action<Stream> utf8Content, ILogger log)
    {
        if (outputPath is not null)
        {
            Replace(outputPath, path => SafeFileWriter.Write(path, utf8Content, _inputs), log);
            return;
        }

        if (Console.Unicode && ReferenceEquals(Out, System.Console.Out) && System.Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage)
        {
            Out.Flush();
            using var stdout = new BufferedStream(System.Console.OpenStandardOutput(), 64 * 1024);
            utf8Content(stdout);
            return;
        }

        using var buffer = new MemoryStream();
        utf8Content(buffer);
        Write(null, Encoding.UTF8.GetString(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), log);
    }

    /// <summary>
    /// Writes an export that is not one text: one binary file (a <see cref="Core.Export.ExportFile"/> with an empty
    /// path) to <paramref name="outputPath"/>, or the files of a folder under it (created when missing, inside an
    /// existing parent). Each file is replaced whole as <see cref="Write"/> does; the terminal never gets binary.
    /// </summary>
    public void WriteFiles(string? outputPath, IReadOnlyList<Core.Export.ExportFile> files, string formatName, ILogger log)
    {
        var folder = files is not [{ RelativePath.Length: 0 }];
        if (outputPath is null)
        {
            throw new InputException(CommandLine, "--output", $"--format {formatName} writes {(folder ? "a folder of files" : "a binary file")}, not text for the terminal", $"give --output {(folder ? "DIR" : "FILE")}");
        }

        try
        {
            if (!folder)
            {
                log.Information("Wrote {Path}", SafeFileWriter.Write(outputPath, files[0].Content, _inputs));
                return;
            }

            var root = Path.GetFullPath(outputPath);
            if (File.Exists(root))
            {
                throw new FileRefusedException(outputPath, $"'{root}' is a file, and --format {formatName} writes a folder", "give the name of a folder (a new one is created)");
            }

            if (Path.GetDirectoryName(root) is not { } parent || !Directory.Exists(parent))
            {
                throw new FileRefusedException(outputPath, $"the folder that would hold '{root}' does not exist", "create it, or write the folder somewhere else");
            }

            foreach (var file in files)
            {
                var path = Path.Combine(root, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                SafeFileWriter.Write(path, file.Content, _inputs);
            }

            log.Information("Wrote {Count} files under {Path}", files.Count, root);
        }
        catch (FileRefusedException ex)
        {
            throw new InputException(CommandLine, "--output", ex.Problem, ex.Fix);
        }
    }

    private int ReportArgumentErrors(ParseResult parse, List<string> errors)
    {
        // "Required command was not provided" says nothing a mistyped command's own error does not; alone (a bare
        // fwkit, or only global options) it means the user wants to know the commands, so they get the help.
        var noCommand = errors.RemoveAll(NoCommandErrors(parse.RootCommandResult.Command).Contains) > 0 && errors.Count == 0;
        if (noCommand)
        {
            parse.RootCommandResult.Command.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = Error, Error = Error });
            errors.Add($"{CommandLine}: no command given. Fix: name one of the commands above, such as fwkit plan --profile FILE; fwkit COMMAND --help lists its options");
        }

        var logFileResult = parse.GetResult(GlobalOptions.LogFile);
        var requestedLog = logFileResult is { Errors: var logErrors } && !logErrors.Any() && logFileResult.Tokens is [{ Value.Length: > 0 } token] ? token.Value : null;
        var (logFile, logFileError) = OpenLogFile(requestedLog, InputPaths(parse));
        using var closeLogFile = logFile;
        using var log = LoggingSetup.Create(Error, CommandLineErrors.Flag(parse, GlobalOptions.Verbose), CommandLineErrors.Flag(parse, GlobalOptions.Quiet), logFile);
        foreach (var error in errors)
        {
            log.Error("{Message}", error);
        }

        foreach (var correction in CommandLineErrors.TypoCorrections(parse))
        {
            log.Information("{Correction}", correction);
        }

        if (logFileError is not null)
        {
            ReportLogFileError(log, logFileError);
        }
        else if (logFile?.Failure is { } failure)
        {
            ReportLogFileError(log, CannotWrite(logFile, failure));
        }

        if (!noCommand)
        {
            log.Information("Run 'fwkit --help' for usage.");
        }

        FailureOutput.Write(this, parse, ExitCodes.InvalidInput, [], errors, log);
        return ExitCodes.InvalidInput;
    }

    /// <summary>The parser's own words, in the user's language, for a command line that names no command.</summary>
    private static string[] NoCommandErrors(Command root) => [.. root.Parse([]).Errors.Select(e => e.Message)];

    /// <summary>The parser's errors, and an empty value given to any option: no option of fwkit takes one.</summary>
    private static List<string> ArgumentErrors(ParseResult parse)
    {
        var errors = parse.Errors.Select(e => e.Message).ToList();
        for (var result = parse.CommandResult as SymbolResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult command)
            {
                errors.AddRange(command.Children
                    .OfType<OptionResult>()
                    .Where(option => !option.Errors.Any() && option.Tokens.Any(t => t.Value.Length == 0))
                    .Select(option => $"Option '{option.Option.Name}' was given an empty value."));
            }
        }

        return errors;
    }

    private static string[] InputPaths(ParseResult parse) =>
        [.. InputOptions
            .Select(name => parse.GetResult(name))
            .OfType<OptionResult>()
            .SelectMany(option => option.Tokens)
            .Select(token => token.Value)];

    private static (LogFileSink? File, FileRefusedException? Error) OpenLogFile(string? path, IEnumerable<string> inputs)
    {
        if (path is null)
        {
            return (null, null);
        }

        try
        {
            return (LogFileSink.Open(path, inputs, FirewallPlatform.Folders), null);
        }
        catch (FileRefusedException ex)
        {
            return (null, ex);
        }
    }

    private static FileRefusedException CannotWrite(LogFileSink logFile, Exception failure) =>
        new(logFile.Path, $"the log file '{logFile.Path}' cannot be written: {failure.Message}", "give a log file on a disk with free space that you can write to");

    private static void ReportLogFileError(ILogger log, FileRefusedException error) =>
        log.Error("{File}: {Path}: {Message}. Fix: {Fix}", CommandLine, GlobalOptions.LogFile.Name, error.Problem, error.Fix);

    private static void LogBug(ILogger log, Exception ex, bool verbose)
    {
        if (verbose)
        {
            log.Fatal(ex, "fwkit failed unexpectedly");
        }
        else
        {
            log.Fatal("fwkit failed unexpectedly: {Message} (run with --verbose for details)", ex.Message);
        }
    }
}
