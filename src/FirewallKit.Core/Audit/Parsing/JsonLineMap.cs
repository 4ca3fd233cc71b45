using System.Globalization;
using System.Text.Json;

namespace FirewallKit.Core.Audit;

/// <summary>The line each JSON value starts on, by path (<c>$.Rules[3].LocalPort</c>), so dump errors can say where to look.</summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLineMap()
    {
    }

    public static JsonLineMap Build(ReadOnlySpan<byte> utf8)
    {
        var map = new JsonLineMap();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        var path = new List<(bool IsArray, int Index, string Name)>();
        long counted = 0;
        var line = 1;
        try
        {
            while (reader.Read())
            {
                // Count newlines up to this token only once: the reader never goes backwards.
                var start = reader.TokenStartIndex;
                line += utf8[(int)counted..(int)start].Count((byte)'\n');
                counted = start;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        path[^1] = (false, 0, reader.GetString()!);
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        continue;
                }

                if (path.Count > 0 && path[^1].IsArray)
                {
                    path[^1] = (true, path[^1].Index + 1, string.Empty);
                }

                map._lines.TryAdd(Format(path), line);
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    path.Add((false, 0, string.Empty));
                }
                else if (reader.TokenType == JsonTokenType.StartArray)
                {
                    path.Add((true, -1, string.Empty));
                }
            }
        }
        catch (JsonException)
        {
            // The document parser reports syntax errors with their position; the map just stops.
        }

        return map;
    }

    /// <summary><paramref name="path"/> with its line appended when known: <c>$.Rules[3].LocalPort (line 57)</c>.</summary>
    public string Locate(string path) =>
        _lines.TryGetValue(path, out var line) ? string.Create(CultureInfo.InvariantCulture, $"{path} (line {line})") : path;

    private static string Format(List<(bool IsArray, int Index, string Name)> path)
    {
        var text = "$";
        foreach (var (isArray, index, name) in path)
        {
            text = isArray ? string.Create(CultureInfo.InvariantCulture, $"{text}[{index}]") : $"{text}.{name}";
        }

        return text;
    }
}
