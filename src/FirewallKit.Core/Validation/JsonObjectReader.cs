using System.Globalization;
using System.Text.Json;

namespace FirewallKit.Core.Validation;

/// <summary>
/// Strict, path-aware access to one JSON object: unknown and duplicate fields and wrong types
/// become <see cref="InputErrors"/> that name the JSON path, so every reader reports alike.
/// </summary>
public sealed class JsonObjectReader
{
    private readonly Dictionary<string, JsonElement> _fields = new(StringComparer.Ordinal);

    private JsonObjectReader(JsonElement element, string path, InputErrors errors)
    {
        Element = element;
        Path = path;
        Errors = errors;
    }

    public JsonElement Element { get; }

    public string Path { get; }

    public InputErrors Errors { get; }

    /// <summary>Returns null (and records an error) when <paramref name="element"/> is not an object.</summary>
    public static JsonObjectReader? Open(JsonElement element, string path, InputErrors errors, IReadOnlyCollection<string> knownFields, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"expected {what} (a JSON object) but found {Describe(element)}", $"write {what} as {{ ... }}");
            return null;
        }

        var reader = new JsonObjectReader(element, path, errors);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Length > TextLimits.FieldName)
            {
                // Not echoed and not compared for a suggestion: the comparison costs the product of both lengths.
                errors.Add(path, string.Create(CultureInfo.InvariantCulture, $"a field name is {property.Name.Length:N0} characters long, more than the {TextLimits.FieldName:N0} allowed"), "remove it; no field of fwkit's files has such a name");
                continue;
            }

            var fieldPath = Child(path, property.Name);
            if (!reader._fields.TryAdd(property.Name, property.Value))
            {
                errors.Add(fieldPath, $"'{property.Name}' appears more than once", "keep one of them; JSON readers disagree on which one wins");
            }
            else if (!knownFields.Contains(property.Name))
            {
                errors.Add(fieldPath, $"unknown field '{property.Name}' in {what}", Suggest.Fix(property.Name, knownFields, "fields"));
            }
        }

        return reader;
    }

    public static string Child(string path, string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && name.Length > 0 && !char.IsAsciiDigit(name[0])
            ? $"{path}.{name}"
            : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    public bool Has(string name) => _fields.ContainsKey(name) && _fields[name].ValueKind != JsonValueKind.Null;

    public JsonElement? Raw(string name) => _fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <param name="maxLength">The documented limit (<see cref="TextLimits"/>); longer text is an error, not a value.</param>
    public string? String(string name, bool required = false, string? fix = null, int maxLength = TextLimits.Description)
    {
        var value = Get(name, required, fix ?? "add it as a string");
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.String)
        {
            Errors.Add(Child(Path, name), $"expected a string but found {Describe(value.Value)}", "put the value in double quotes");
            return null;
        }

        var text = value.Value.GetString()!;
        if (text.Length > maxLength)
        {
            Errors.Add(Child(Path, name), TooLong(text.Length, maxLength), "shorten it (docs/profile.md lists the limits)");
            return null;
        }

        if (required && string.IsNullOrWhiteSpace(text))
        {
            Errors.Add(Child(Path, name), "must not be empty", fix ?? "give it a value");
            return null;
        }

        return text;
    }

    public bool? Bool(string name)
    {
        var value = Get(name, false, string.Empty);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.Value.GetBoolean();
        }

        Errors.Add(Child(Path, name), $"expected true or false but found {Describe(value.Value)}", "write true or false without quotes");
        return null;
    }

    public int? Int(string name, bool required = false, string? fix = null) => IntAt(Get(name, required, fix ?? "add it as a number"), Child(Path, name));

    public int? IntAt(JsonElement? value, string path)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind == JsonValueKind.Number && value.Value.TryGetInt32(out var number))
        {
            return number;
        }

        Errors.Add(path, $"expected a whole number but found {Describe(value.Value)}", "write a number without quotes, such as 8090");
        return null;
    }

    /// <summary>An array of strings; null when absent, empty list when invalid (errors recorded).</summary>
    /// <param name="maxItems">The documented limit on entries (<see cref="TextLimits.ListItems"/>); each entry is at most <see cref="TextLimits.ListItem"/> characters.</param>
    public IReadOnlyList<string>? StringArray(string name, bool required = false, string? fix = null, int maxItems = TextLimits.ListItems)
    {
        var value = Get(name, required, fix ?? "add it as an array of strings");
        if (value is null)
        {
            return null;
        }

        var path = Child(Path, name);
        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            Errors.Add(path, $"expected an array of strings but found {Describe(value.Value)}", "write it as [\"...\", \"...\"]");
            return [];
        }

        if (value.Value.GetArrayLength() is var count && count > maxItems)
        {
            Errors.Add(path, string.Create(CultureInfo.InvariantCulture, $"the list has {count:N0} entries, more than the {maxItems:N0} allowed"), "split it, or use subnets and ranges (10.0.0.0/24, 10.0.0.1-10.0.0.9) instead of single addresses");
            return [];
        }

        var result = new List<string>();
        var index = 0;
        foreach (var item in value.Value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString()! is { Length: > TextLimits.ListItem } tooLong)
            {
                Errors.Add(Index(path, index), TooLong(tooLong.Length, TextLimits.ListItem), "shorten it (docs/profile.md lists the limits)");
            }
            else if (item.ValueKind == JsonValueKind.String)
            {
                result.Add(item.GetString()!);
            }
            else
            {
                Errors.Add(Index(path, index), $"expected a string but found {Describe(item)}", "put the value in double quotes");
            }

            index++;
        }

        return result;
    }

    private static string TooLong(int length, int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"the text is {length:N0} characters long, more than the {limit:N0} allowed");

    public JsonObjectReader? Object(string name, IReadOnlyCollection<string> knownFields, string what, bool required = false)
    {
        var value = Get(name, required, $"add {what}");
        return value is null ? null : Open(value.Value, Child(Path, name), Errors, knownFields, what);
    }

    public IReadOnlyList<JsonObjectReader> ObjectArray(string name, IReadOnlyCollection<string> knownFields, string what, bool required = false)
    {
        var value = Get(name, required, $"add an array of {what}");
        if (value is null)
        {
            return [];
        }

        var path = Child(Path, name);
        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            Errors.Add(path, $"expected an array of {what} but found {Describe(value.Value)}", "write it as [ { ... }, { ... } ]");
            return [];
        }

        var result = new List<JsonObjectReader>();
        var index = 0;
        foreach (var item in value.Value.EnumerateArray())
        {
            if (Open(item, Index(path, index), Errors, knownFields, what) is { } reader)
            {
                result.Add(reader);
            }

            index++;
        }

        return result;
    }

    public IEnumerable<(string Name, JsonElement Value)> Properties(string name)
    {
        var value = Get(name, false, string.Empty);
        if (value is null)
        {
            yield break;
        }

        if (value.Value.ValueKind != JsonValueKind.Object)
        {
            Errors.Add(Child(Path, name), $"expected an object but found {Describe(value.Value)}", "write it as { \"name\": value }");
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.Value.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                Errors.Add(Child(Child(Path, name), property.Name), $"'{property.Name}' appears more than once", "keep one of them");
                continue;
            }

            yield return (property.Name, property.Value);
        }
    }

    private JsonElement? Get(string name, bool required, string fix)
    {
        if (_fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        if (required)
        {
            Errors.Add(Child(Path, name), $"the required field '{name}' is missing", fix);
        }

        return null;
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Shorten(element.GetString()!)}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
