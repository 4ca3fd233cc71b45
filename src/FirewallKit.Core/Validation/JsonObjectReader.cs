using System.Globalization;
using System.Text.Json;

namespace FirewallKit.Core.Validation;

/// <summary>
/// Strict, path-aware access to one JSON object: unknown and duplicate fields and wrong types
/// become <see cref="InputErrors"/> that name the JSON path, so every reader reports alike.
/// </summary>
public sealed class JsonObjectReader
{
    // A profile of ten thousand peers opens ten thousand readers: fields are a short list named by the known
    // field's own string, and a reader's path is spelt only when an error names it.
    private readonly List<KeyValuePair<string, JsonElement>> _fields = [];
    private readonly JsonObjectReader? _parent;
    private readonly string? _field;
    private readonly int _index;
    private string? _path;

    private JsonObjectReader(JsonElement element, string? path, JsonObjectReader? parent, string? field, int index, InputErrors errors)
    {
        Element = element;
        _path = path;
        _parent = parent;
        _field = field;
        _index = index;
        Errors = errors;
    }

    public JsonElement Element { get; }

    /// <summary>Where the object is, such as <c>$.peers[3]</c>.</summary>
    public string Path => _path ??= _index < 0 ? Child(_parent!.Path, _field!) : Index(Child(_parent!.Path, _field!), _index);

    public InputErrors Errors { get; }

    /// <summary>Returns null (and records an error) when <paramref name="element"/> is not an object.</summary>
    public static JsonObjectReader? Open(JsonElement element, string path, InputErrors errors, IReadOnlyCollection<string> knownFields, string what) =>
        Open(element, new JsonObjectReader(element, path, null, null, -1, errors), knownFields, what);

    private static JsonObjectReader? Open(JsonElement element, JsonObjectReader reader, IReadOnlyCollection<string> knownFields, string what)
    {
        var errors = reader.Errors;
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(reader.Path, $"expected {what} (a JSON object) but found {Describe(element)}", $"write {what} as {{ ... }}");
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            var known = KnownName(property, knownFields);
            var name = known ?? property.Name;
            if (name.Length > TextLimits.FieldName)
            {
                // Not echoed and not compared for a suggestion: the comparison costs the product of both lengths.
                errors.Add(reader.Path, string.Create(CultureInfo.InvariantCulture, $"a field name is {name.Length:N0} characters long, more than the {TextLimits.FieldName:N0} allowed"), "remove it; no field of fwkit's files has such a name");
                continue;
            }

            if (reader.Find(name, out _))
            {
                errors.Add(Child(reader.Path, name), $"'{name}' appears more than once", "keep one of them; JSON readers disagree on which one wins");
                continue;
            }

            reader._fields.Add(KeyValuePair.Create(name, property.Value));
            if (known is null)
            {
                errors.Add(Child(reader.Path, name), $"unknown field '{name}' in {what}", Suggest.Fix(name, knownFields, "fields"));
            }
        }

        return reader;
    }

    /// <summary>The known field's own string when the property is one, without spelling the property's name out.</summary>
    private static string? KnownName(JsonProperty property, IReadOnlyCollection<string> knownFields)
    {
        if (knownFields is IReadOnlyList<string> list)
        {
            // Indexed: a foreach over the interface would allocate an enumerator for every property of every object.
            for (var i = 0; i < list.Count; i++)
            {
                if (property.NameEquals(list[i]))
                {
                    return list[i];
                }
            }

            return null;
        }

        return knownFields.FirstOrDefault(property.NameEquals);
    }

    private bool Find(string name, out JsonElement value)
    {
        foreach (var field in _fields)
        {
            if (string.Equals(field.Key, name, StringComparison.Ordinal))
            {
                value = field.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static string Child(string path, string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && name.Length > 0 && !char.IsAsciiDigit(name[0])
            ? $"{path}.{name}"
            : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    public bool Has(string name) => Find(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public JsonElement? Raw(string name) => Find(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

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

        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            Errors.Add(Child(Path, name), $"expected an array of strings but found {Describe(value.Value)}", "write it as [\"...\", \"...\"]");
            return [];
        }

        if (value.Value.GetArrayLength() is var count && count > maxItems)
        {
            Errors.Add(Child(Path, name), string.Create(CultureInfo.InvariantCulture, $"the list has {count:N0} entries, more than the {maxItems:N0} allowed"), "split it, or use subnets and ranges (10.0.0.0/24, 10.0.0.1-10.0.0.9) instead of single addresses");
            return [];
        }

        var result = new List<string>(count);
        var index = 0;
        foreach (var item in value.Value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString()! is { Length: > TextLimits.ListItem } tooLong)
            {
                Errors.Add(Index(Child(Path, name), index), TooLong(tooLong.Length, TextLimits.ListItem), "shorten it (docs/profile.md lists the limits)");
            }
            else if (item.ValueKind == JsonValueKind.String)
            {
                result.Add(item.GetString()!);
            }
            else
            {
                Errors.Add(Index(Child(Path, name), index), $"expected a string but found {Describe(item)}", "put the value in double quotes");
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
        return value is null ? null : Open(value.Value, new JsonObjectReader(value.Value, null, this, name, -1, Errors), knownFields, what);
    }

    public IReadOnlyList<JsonObjectReader> ObjectArray(string name, IReadOnlyCollection<string> knownFields, string what, bool required = false)
    {
        var value = Get(name, required, $"add an array of {what}");
        if (value is null)
        {
            return [];
        }

        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            Errors.Add(Child(Path, name), $"expected an array of {what} but found {Describe(value.Value)}", "write it as [ { ... }, { ... } ]");
            return [];
        }

        var result = new List<JsonObjectReader>(value.Value.GetArrayLength());
        var index = 0;
        foreach (var item in value.Value.EnumerateArray())
        {
            if (Open(item, new JsonObjectReader(item, null, this, name, index, Errors), knownFields, what) is { } reader)
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
        if (Find(name, out var value) && value.ValueKind != JsonValueKind.Null)
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
