using FirewallKit.Cli.Views;
using Serilog.Core;
using Serilog.Events;

namespace FirewallKit.Cli.Logging;

/// <summary>
/// Escapes control characters in every text property of a log event (<see cref="PrintableText"/>),
/// for every sink: a value such as an address with a line break in it cannot forge a log line in the
/// terminal or the log file, nor send escape sequences to the terminal.
/// </summary>
internal sealed class PrintableTextEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var escaped = Escape(value);
            if (!ReferenceEquals(escaped, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, escaped));
            }
        }
    }

    private static LogEventPropertyValue Escape(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } when text.Any(PrintableText.NeedsEscape) => new ScalarValue(PrintableText.Escape(text)),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(Escape)),
        StructureValue structure => new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Escape(p.Value))), structure.TypeTag),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, Escape(e.Value)))),
        _ => value,
    };
}
