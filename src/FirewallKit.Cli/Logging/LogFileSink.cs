using System.Globalization;
using System.Text;
using FirewallKit.Core.IO;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace FirewallKit.Cli.Logging;

/// <summary>
/// The detailed log file. Opened before the command runs, so a path that cannot be written is
/// reported instead of dropped, and every event is flushed, so a write that fails (a full disk,
/// /dev/full) is seen at once and remembered in <see cref="Failure"/>.
/// </summary>
internal sealed class LogFileSink : ILogEventSink, IDisposable
{
    private static readonly ITextFormatter Format = new MessageTemplateTextFormatter(
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}",
        CultureInfo.InvariantCulture);

    private readonly Lock _sync = new();
    private readonly StreamWriter _writer;

    private LogFileSink(string path, StreamWriter writer)
    {
        Path = path;
        _writer = writer;
    }

    public string Path { get; }

    /// <summary>Why the log stopped being written, or null while it is complete.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Opens <paramref name="path"/> for appending, creating its folder as an installer expects.</summary>
    /// <param name="inputs">The command's input files, which the log must never be appended to.</param>
    /// <param name="folders">Checks the log's folder: on Windows, one that others can write to is refused.</param>
    public static LogFileSink Open(string path, IEnumerable<string> inputs, IFolderGuard folders)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new FileRefusedException(path, $"the log file '{full}' is a directory", "name a file, such as fwkit.log in that directory");
        }

        try
        {
            folders.Prepare(System.IO.Path.GetDirectoryName(full)!);
            var stream = AppendOnlyFile.Open(full, inputs);
            return new LogFileSink(full, new StreamWriter(stream, new UTF8Encoding(false)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not FileRefusedException)
        {
            throw new FileRefusedException(path, $"the log file '{full}' cannot be opened: {ex.Message.TrimEnd('.')}", "give a log file path in a folder you can write to", ex);
        }
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_sync)
        {
            if (Failure is not null)
            {
                return;
            }

            try
            {
                Format.Format(logEvent, _writer);
                _writer.Flush();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Failure = ex;
            }
        }
    }

    public void Dispose()
    {
        lock (_sync)
        {
            try
            {
                _writer.Dispose();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Failure ??= ex;
            }
        }
    }
}
