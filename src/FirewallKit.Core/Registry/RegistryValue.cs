using System.Buffers.Binary;
using System.Text;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Registry;

/// <summary>
/// One registry value as a Registry.pol, a hive or a .reg file holds it: its key path (without the hive, such as
/// <c>Software\Policies\Microsoft\WindowsFirewall\FirewallRules</c>), its name, its type and its bytes.
/// <see cref="Location"/> says where it is in its file, for errors and findings.
/// </summary>
public sealed record RegistryValue(string Key, string Name, RegistryValueType Type, ValueList<byte> Data)
{
    public string Location { get; init; } = string.Empty;

    /// <summary>A REG_SZ: UTF-16LE with its terminating NUL, as Windows stores it.</summary>
    public static RegistryValue String(string key, string name, string text) =>
        new(key, name, RegistryValueType.String, ValueList.Create<byte>([.. Encoding.Unicode.GetBytes(text + "\0")]));

    public static RegistryValue DWord(string key, string name, uint number)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, number);
        return new(key, name, RegistryValueType.DWord, ValueList.Create<byte>(bytes));
    }

    /// <summary>The text of a REG_SZ or REG_EXPAND_SZ, up to its first NUL; null for other types.</summary>
    public string? Text
    {
        get
        {
            if (Type is not (RegistryValueType.String or RegistryValueType.ExpandString))
            {
                return null;
            }

            var text = Encoding.Unicode.GetString([.. Data.Take(Data.Count & ~1)]);
            var end = text.IndexOf('\0', StringComparison.Ordinal);
            return end < 0 ? text : text[..end];
        }
    }

    /// <summary>The number of a REG_DWORD; null for other types or a short value.</summary>
    public uint? Number => Type == RegistryValueType.DWord && Data.Count >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian([.. Data.Take(4)]) : null;

    /// <summary>The key's last part (<c>FirewallRules</c>).</summary>
    public string KeyName => Key[(Key.LastIndexOf('\\') + 1)..];
}
