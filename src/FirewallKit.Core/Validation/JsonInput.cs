using System.Text;
using System.Text.Json;
using FirewallKit.Core.IO;

namespace FirewallKit.Core.Validation;

/// <summary>Reads an input file into a JSON document, turning every way that can fail into an <see cref="InputException"/>.</summary>
public static class JsonInput
{
    /// <summary>
    /// 64 MiB. fwkit reads back everything it writes, and plans and backups grow with the profile's
    /// addresses: a cluster profile with 5,000 client and 5,000 admin addresses plans to 2.5 MB of
    /// plan JSON with a 1.7 MB backup as IPv4, and 6.0 MB with a 4.3 MB backup as full-length IPv6.
    /// The limit leaves ten times that, and still bounds what a wrong path costs.
    /// </summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public static JsonDocument Read(string path)
    {
        ReadOnlyMemory<byte> bytes;
        try
        {
            bytes = BoundedFileReader.ReadAll(path, MaxBytes);
        }
        catch (FileRefusedException ex)
        {
            throw new InputException(path, "$", ex.Problem, ex.Fix);
        }

        return Parse(path, bytes.Span);
    }

    public static JsonDocument Parse(string file, ReadOnlySpan<byte> bytes)
    {
        // UTF-32 first: its little-endian mark starts with UTF-16's.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            throw new InputException(file, "$", "the file is UTF-32 encoded", "save it as UTF-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new InputException(file, "$", "the file is UTF-16 encoded", "save it as UTF-8 (in PowerShell: Set-Content -Encoding utf8)");
        }

        // Notepad and Windows PowerShell 5.1 write a UTF-8 byte order mark; it is harmless.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new InputException(file, "$", "the file is not valid UTF-8 text", "save it as UTF-8 JSON");
        }

        var document = ParseOneDocument(file, bytes);
        try
        {
            // Only a \uD800-\uDFFF escape makes a lone surrogate (the bytes are valid UTF-8 by now), and most files
            // have none: the walk, which reads every string and builds every path, runs only when one may.
            if (MaySurrogateEscape(bytes))
            {
                RequireWellFormedStrings(file, document.RootElement, "$");
            }

            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    private static JsonDocument ParseOneDocument(string file, ReadOnlySpan<byte> bytes)
    {
        JsonDocument? document = null;
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false, MaxDepth = 32 });
            document = JsonDocument.ParseValue(ref reader);

            // ParseValue stops after the first value; anything but whitespace and comments after it
            // makes Read throw, so `{...} garbage` or two documents are refused, not half read.
            reader.Read();
            return document;
        }
        catch (JsonException ex)
        {
            document?.Dispose();
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            throw new InputException(file, $"line {line}, column {column}", "the file is not valid JSON (" + FirstSentence(ex.Message) + ")", "fix the JSON syntax at that position (a missing comma, quote or bracket is the usual cause)");
        }
    }

    /// <summary>
    /// JSON lets a string escape half of a UTF-16 surrogate pair ("\ud800"), which is no character;
    /// reading it later throws. Every string and field name is checked once here, so readers can
    /// take strings as they come.
    /// </summary>
    private static void RequireWellFormedStrings(string file, JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        throw LoneSurrogate(file, path, "a field name in this object");
                    }

                    RequireWellFormedStrings(file, property.Value, JsonObjectReader.Child(path, name));
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    RequireWellFormedStrings(file, item, JsonObjectReader.Index(path, index++));
                }

                break;
            case JsonValueKind.String:
                try
                {
                    _ = element.GetString();
                }
                catch (InvalidOperationException)
                {
                    throw LoneSurrogate(file, path, "the string");
                }

                break;
        }
    }

    /// <summary>Whether <paramref name="bytes"/> hold <c>\uD8</c> to <c>\uDF</c> in any case; a false alarm (an escaped backslash before "uD8") only costs the full check.</summary>
    private static bool MaySurrogateEscape(ReadOnlySpan<byte> bytes)
    {
        for (var at = bytes.IndexOf("\\u"u8); at >= 0; at = bytes.IndexOf("\\u"u8))
        {
            if (bytes.Length >= at + 4 && (bytes[at + 2] | 0x20) == 'd' && bytes[at + 3] is (>= (byte)'8' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F'))
            {
                return true;
            }

            bytes = bytes[(at + 2)..];
        }

        return false;
    }

    private static InputException LoneSurrogate(string file, string path, string what) =>
        new(file, path, $"{what} has a lone surrogate escape (\\uD800-\\uDFFF without its pair), which is not a character", "remove the escape, or write the character itself");

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        cut = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? text[..cut] : text).TrimEnd('.', ' ');
    }
}
