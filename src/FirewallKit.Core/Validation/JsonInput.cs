using System.Text;
using System.Text.Json;

namespace FirewallKit.Core.Validation;

/// <summary>Reads an input file into a JSON document, turning every way that can fail into an <see cref="InputException"/>.</summary>
public static class JsonInput
{
    /// <summary>Profiles and catalogs are hand-written and small; anything larger is a mistake, not an input.</summary>
    public const long MaxBytes = 1024 * 1024;

    public static JsonDocument Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InputException(path, "$", "the file does not exist", "check the path, or run `fwkit validate` from the folder the path is relative to");
        }

        if (info.Length > MaxBytes)
        {
            throw new InputException(path, "$", $"the file is {info.Length:N0} bytes, over the {MaxBytes:N0}-byte limit", "point at the profile or catalog JSON file, not at another file");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, "$", "the file cannot be read: " + ex.Message, "check the file's permissions");
        }

        return Parse(path, bytes);
    }

    public static JsonDocument Parse(string file, ReadOnlySpan<byte> bytes)
    {
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

        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false, MaxDepth = 32 });
            return JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            throw new InputException(file, $"line {line}, column {column}", "the file is not valid JSON (" + FirstSentence(ex.Message) + ")", "fix the JSON syntax at that position (a missing comma, quote or bracket is the usual cause)");
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        cut = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? text[..cut] : text).TrimEnd('.', ' ');
    }
}
