using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FirewallKit.Core.IO;

/// <summary>How every JSON document fwkit writes is laid out.</summary>
public static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // Keep "→" and "–" readable; the output is UTF-8 and not embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The document as text, ending with a newline.</summary>
    public static string Write(JsonNode document) => document.ToJsonString(Options) + "\n";

    /// <summary>
    /// Writes a document as UTF-8 straight to <paramref name="output"/>, laid out byte for byte as
    /// <see cref="Write(JsonNode)"/> lays out the same document, ending with a newline. For documents too large
    /// to build as a tree first (a plan of thousands of peers).
    /// </summary>
    public static void Write(Stream output, Action<Utf8JsonWriter> document)
    {
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder, NewLine = Options.NewLine }))
        {
            document(writer);
        }

        output.WriteByte((byte)'\n');
    }

    /// <summary>A document written by <see cref="Write(Stream, Action{Utf8JsonWriter})"/>, as text.</summary>
    public static string Write(Action<Utf8JsonWriter> document)
    {
        using var buffer = new MemoryStream();
        Write(buffer, document);
        return Encoding.UTF8.GetString(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>
    /// Hands what the writer holds to its stream once it is more than a buffer's worth: a writer over a stream
    /// keeps everything until it is flushed, so a long array would grow one buffer the size of the document.
    /// </summary>
    public static void FlushWhenFull(Utf8JsonWriter writer)
    {
        if (writer.BytesPending > 32 * 1024)
        {
            writer.Flush();
        }
    }

    public static void WriteStrings(Utf8JsonWriter writer, IEnumerable<string> values)
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
            FlushWhenFull(writer);
        }

        writer.WriteEndArray();
    }

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v)!)]);
}
