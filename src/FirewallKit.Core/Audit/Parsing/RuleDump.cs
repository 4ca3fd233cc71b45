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
        try
        {
            // Registry.pol, .wfw hives and .reg exports hold the rule strings Windows itself stores; their first bytes tell them.
            if (RegistryDump.Looks(Head()))
            {
                return RegistryDump.TryRead(Path, BoundedFileReader.ReadAll(Path, MaxBytes).Span)
                    ?? throw new InvalidOperationException("The file changed while it was read.");
            }

            return ReadText();
        }
        catch (FileRefusedException ex)
        {
            throw new InputException(Path, "line 1", ex.Problem, ex.Fix);
        }
        catch (DecoderFallbackException)
        {
            throw NotText();
        }
    }

    private byte[] Head()
    {
        using var stream = BoundedFileReader.Open(Path, MaxBytes);
        var head = new byte[RegistryDump.HeadBytes];
        var length = 0;
        int read;
        while (length < head.Length && (read = stream.Read(head, length, head.Length - length)) > 0)
        {
            length += read;
        }

        return head[..length];
    }

    /// <summary>
    /// The text forms, decoded as they are read: netsh's text a line at a time, so a dump of thousands of rules never
    /// becomes one string. Text without a byte order mark must be UTF-8: a bad byte anywhere is reported as such, before
    /// any other error, as when the whole file was decoded first.
    /// </summary>
    private ObservedFirewall ReadText()
    {
        using (var probe = Open())
        {
            if (FirstCharacter(probe) is not { } first)
            {
                RestDecodes(probe);
                throw Empty(Path);
            }

            if (first is '{' or '[')
            {
                probe.Dispose();
                using var whole = Open();
                return NetFirewallJsonParser.Parse(Path, Encoding.UTF8.GetBytes(whole.ReadToEnd().TrimStart('\uFEFF')));
            }
        }

        using var reader = Open();
        while (reader.Peek() == '\uFEFF')
        {
            reader.Read();
        }

        var noCollections = StartNoCollections(reader.BaseStream);
        try
        {
            return NetshDumpParser.Parse(Path, reader);
        }
        catch (InputException)
        {
            // The parser may give up early (text in another form); a bad byte further on still comes first.
            RestDecodes(reader);
            throw;
        }
        finally
        {
            if (noCollections && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }
    }

    /// <summary>
    /// What a large dump's parse allocates is mostly the rules it returns: every collection during it found them alive and
    /// moved them, which took a third of the parse. Collections wait until the parse ends when the memory it needs (a few
    /// times the file's size) is to be had; a small dump is parsed before a collection would come anyway.
    /// </summary>
    private static bool StartNoCollections(Stream stream)
    {
        const long Small = 1024 * 1024;
        var room = 3 * (stream is BoundedFileReader.IBounded bounded ? bounded.Reported : 0);
        if (room < 3 * Small)
        {
            return false;
        }

        try
        {
            return GC.TryStartNoGCRegion(Math.Min(room, 256 * Small));
        }
        catch (ArgumentOutOfRangeException)
        {
            // More than this process's GC lets one region hold: the parse collects as it goes.
            return false;
        }
    }

    private StreamReader Open() =>
        new(BoundedFileReader.Open(Path, MaxBytes), new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);

    /// <summary>Reads the rest of the text, for its decoding errors alone.</summary>
    private static void RestDecodes(TextReader reader)
    {
        var buffer = new char[16 * 1024];
        while (reader.Read(buffer, 0, buffer.Length) > 0)
        {
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
