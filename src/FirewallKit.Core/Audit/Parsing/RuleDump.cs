using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using FirewallKit.Core.IO;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Audit;

/// <summary>
/// A saved rule set, in any form docs/audit.md describes: netsh's English text, the PowerShell
/// one-liner's JSON, or the registry forms of <see cref="RegistryDump"/>. The form is told by the first character (<c>{</c> is JSON). UTF-8 (with or without a
/// byte order mark) and UTF-16 with a byte order mark (Windows PowerShell 5.1's <c>&gt;</c>) are both read.
/// </summary>
public sealed class RuleDump(string path) : IRuleSource
{
    /// <summary>A server with thousands of rules dumps to a few megabytes; far more is the wrong file.</summary>
    public const long MaxBytes = JsonInput.MaxBytes;

    public string Path { get; } = path;

    public ObservedFirewall Read()
    {
        ReadOnlyMemory<byte> bytes;
        try
        {
            bytes = BoundedFileReader.ReadAll(Path, MaxBytes);
        }
        catch (FileRefusedException ex)
        {
            throw new InputException(Path, "line 1", ex.Problem, ex.Fix);
        }

        // Registry.pol, .wfw hives and .reg exports hold the rule strings Windows itself stores.
        if (RegistryDump.TryRead(Path, bytes.Span) is { } registry)
        {
            return registry;
        }

        if (!MemoryMarshal.TryGetArray(bytes, out var content))
        {
            content = bytes.ToArray();
        }

        try
        {
            // Text without a byte order mark must be UTF-8; checked whole before reading, so a bad byte near the end is
            // reported as such and not after errors of the lines before it.
            if (!StartsWithByteOrderMark(content) && !Utf8.IsValid(content))
            {
                throw NotText();
            }

            using var probe = Open(content);
            if (FirstCharacter(probe) is not { } first)
            {
                throw Empty(Path);
            }

            using var reader = Open(content);
            if (first is '{' or '[')
            {
                return NetFirewallJsonParser.Parse(Path, Encoding.UTF8.GetBytes(reader.ReadToEnd().TrimStart('\uFEFF')));
            }

            // netsh's text is read a line at a time: a dump of thousands of rules never becomes one string.
            while (reader.Peek() == '\uFEFF')
            {
                reader.Read();
            }

            return NetshDumpParser.Parse(Path, reader);
        }
        catch (DecoderFallbackException)
        {
            throw NotText();
        }
    }

    /// <summary>Parses dump text in either form.</summary>
    public static ObservedFirewall Parse(string file, string text)
    {
        var first = text.AsSpan().TrimStart(Leading);
        if (first.IsEmpty)
        {
            throw Empty(file);
        }

        return first[0] is '{' or '['
            ? NetFirewallJsonParser.Parse(file, Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF')))
            : NetshDumpParser.Parse(file, text.TrimStart('\uFEFF'));
    }

    /// <summary>What may come before the first character that tells the form: byte order marks and blank space.</summary>
    private const string Leading = "\uFEFF \t\r\n";

    /// <summary>UTF-8, UTF-16 and UTF-32 (either byte order) as <see cref="StreamReader"/> detects them.</summary>
    private static bool StartsWithByteOrderMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);

    private static StreamReader Open(ArraySegment<byte> content) =>
        new(new MemoryStream(content.Array!, content.Offset, content.Count, writable: false), new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);

    /// <summary>The first character that is not a byte order mark or blank space, or null when there is none.</summary>
    private static char? FirstCharacter(TextReader reader)
    {
        int next;
        while ((next = reader.Read()) >= 0)
        {
            if (!Leading.Contains((char)next, StringComparison.Ordinal))
            {
                return (char)next;
            }
        }

        return null;
    }

    private InputException NotText() =>
        new(Path, "line 1", "the file is not UTF-8 or UTF-16 text", "save the dump as UTF-8 (PowerShell: Out-File -Encoding utf8)");

    private static InputException Empty(string file) =>
        new(file, "line 1", "the file is empty", "save the dump again as docs/audit.md describes");
}
