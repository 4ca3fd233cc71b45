using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace FirewallKit.Cli.Logging;

/// <summary>Writes log events to a TextWriter (stderr in production, a buffer in tests).</summary>
internal sealed class TextWriterSink(TextWriter writer, ITextFormatter formatter) : ILogEventSink
{
    private readonly Lock _sync = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_sync)
        {
            formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
