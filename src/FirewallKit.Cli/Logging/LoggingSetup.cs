using System.Globalization;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace FirewallKit.Cli.Logging;

/// <summary>Serilog to stderr (never stdout: stdout carries only what the user asked for), and optionally a file.</summary>
internal static class LoggingSetup
{
    public static Serilog.Core.Logger Create(TextWriter stderr, bool verbose, bool quiet, LogFileSink? logFile)
    {
        var level = verbose ? LogEventLevel.Debug : quiet ? LogEventLevel.Error : LogEventLevel.Information;
        var console = new MessageTemplateTextFormatter("{Level:w}: {Message:lj}{NewLine}{Exception}", CultureInfo.InvariantCulture);
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(LogEventLevel.Debug)
            .Enrich.With(new PrintableTextEnricher())
            .WriteTo.Sink(new TextWriterSink(stderr, console), level);
        if (logFile is not null)
        {
            configuration = configuration.WriteTo.Sink(logFile, LogEventLevel.Debug);
        }

        return configuration.CreateLogger();
    }
}
