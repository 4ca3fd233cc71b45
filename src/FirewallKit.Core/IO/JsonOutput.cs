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

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v)!)]);
}
