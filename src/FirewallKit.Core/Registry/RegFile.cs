using System.Globalization;
using System.Text;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Registry;

/// <summary>
/// A <c>.reg</c> export (regedit, <c>reg export</c>): <c>[HKEY_LOCAL_MACHINE\...]</c> key lines, then <c>"name"="text"</c>
/// string values (with <c>\\</c> and <c>\"</c> escapes) and <c>"name"=dword:0000000a</c> numbers. Other value types
/// (<c>hex(...)</c>) are skipped: the firewall keeps rules as strings and settings as DWORDs.
/// </summary>
public static class RegFile
{
    private static readonly string[] Headers = ["Windows Registry Editor Version 5.00", "REGEDIT4"];

    public static bool Looks(ReadOnlySpan<byte> bytes)
    {
        var start = Decode(bytes[..Math.Min(bytes.Length, 128)]).TrimStart('\uFEFF');
        return Headers.Any(h => start.StartsWith(h, StringComparison.Ordinal));
    }

    public static IReadOnlyList<RegistryValue> Read(string file, ReadOnlySpan<byte> bytes)
    {
        var values = new List<RegistryValue>();
        var lines = Decode(bytes).TrimStart('\uFEFF').Split('\n');
        string? key = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            // A hex value spans lines that end with a backslash; it is skipped whole.
            while (line.EndsWith('\\') && i + 1 < lines.Length)
            {
                line = line[..^1] + lines[++i].TrimEnd('\r').TrimStart();
            }

            var where = "line " + (i + 1).ToString(CultureInfo.InvariantCulture);
            if (line.StartsWith('['))
            {
                key = line.TrimEnd().TrimEnd(']')[1..];
                var slash = key.IndexOf('\\', StringComparison.Ordinal);
                key = slash < 0 ? string.Empty : key[(slash + 1)..]; // without the hive (HKEY_LOCAL_MACHINE)
                continue;
            }

            if (!line.StartsWith('"') || key is null)
            {
                continue;
            }

            var (name, rest) = Quoted(line, 0, file, where);
            if (!rest.StartsWith('='))
            {
                throw new InputException(file, where, "a value line has no '=' after its name", "export the key again with regedit or reg export");
            }

            var data = rest[1..];
            if (data.StartsWith('"'))
            {
                var (text, _) = Quoted(data, 0, file, where);
                values.Add(RegistryValue.String(key, name, text) with { Location = where });
            }
            else if (data.StartsWith("dword:", StringComparison.OrdinalIgnoreCase)
                && uint.TryParse(data[6..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var number))
            {
                values.Add(RegistryValue.DWord(key, name, number) with { Location = where });
            }
        }

        return values;
    }

    /// <summary>The text of a quoted string starting at <paramref name="start"/>, and what follows it.</summary>
    private static (string Text, string After) Quoted(string line, int start, string file, string where)
    {
        var text = new StringBuilder();
        for (var i = start + 1; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                text.Append(line[++i]);
            }
            else if (line[i] == '"')
            {
                return (text.ToString(), line[(i + 1)..]);
            }
            else
            {
                text.Append(line[i]);
            }
        }

        throw new InputException(file, where, "a quoted name or string does not end", "export the key again with regedit or reg export");
    }

    /// <summary>regedit writes UTF-16LE with a byte order mark; REGEDIT4 and hand-made files are ANSI or UTF-8.</summary>
    private static string Decode(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? Encoding.Unicode.GetString(bytes[2..]) : Encoding.UTF8.GetString(bytes);
}
