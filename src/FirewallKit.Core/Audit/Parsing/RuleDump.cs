using System.Text;
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

        string text;
        try
        {
            using var reader = new StreamReader(new MemoryStream(bytes.ToArray()), new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            throw new InputException(Path, "line 1", "the file is not UTF-8 or UTF-16 text", "save the dump as UTF-8 (PowerShell: Out-File -Encoding utf8)");
        }

        return Parse(Path, text);
    }

    /// <summary>Parses dump text in either form.</summary>
    public static ObservedFirewall Parse(string file, string text)
    {
        var first = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (first.Length == 0)
        {
            throw new InputException(file, "line 1", "the file is empty", "save the dump again as docs/audit.md describes");
        }

        return first[0] is '{' or '['
            ? NetFirewallJsonParser.Parse(file, Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF')))
            : NetshDumpParser.Parse(file, text.TrimStart('\uFEFF'));
    }
}
