using System.Reflection;
using System.Text.Json.Nodes;

namespace FirewallKit.Core.Schemas;

/// <summary>The JSON schemas of the profile and catalog formats (schemas/*.schema.json), embedded in the tool.</summary>
public static class JsonSchemas
{
    public static readonly IReadOnlyList<string> Names = ["profile", "catalog"];

    /// <summary>The schema's text, exactly as the repository's schemas/&lt;name&gt;.schema.json.</summary>
    public static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"FirewallKit.Core.Schemas.{name}.schema.json")
            ?? throw new ArgumentOutOfRangeException(nameof(name), name, "no such embedded schema");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The schema's <c>$id</c>: an absolute address, so a profile that names it keeps working wherever it is copied.</summary>
    public static string Id(string name) => JsonNode.Parse(Read(name))!["$id"]!.GetValue<string>();
}
