using FirewallKit.Core.Registry;

namespace FirewallKit.Core.Audit;

/// <summary>
/// The registry forms <c>audit --rules</c> reads beside the netsh and PowerShell dumps, told by their first bytes: a
/// Registry.pol (<c>PReg</c>), a <c>.wfw</c> hive from <c>netsh advfirewall export</c> (<c>regf</c>), and a <c>.reg</c>
/// export of a rules key (<c>Windows Registry Editor Version 5.00</c>, UTF-16 or UTF-8).
/// </summary>
public static class RegistryDump
{
    /// <summary>How many of a file's first bytes <see cref="Looks"/> needs.</summary>
    public const int HeadBytes = 128;

    /// <summary>Whether a file starting with <paramref name="head"/> (its first <see cref="HeadBytes"/> bytes, or all of a shorter one) is one of the registry forms.</summary>
    public static bool Looks(ReadOnlySpan<byte> head) => PolicyFile.Looks(head) || RegfHive.Looks(head) || RegFile.Looks(head);

    /// <summary>The firewall in <paramref name="bytes"/> when they are one of the registry forms; null otherwise.</summary>
    public static ObservedFirewall? TryRead(string file, ReadOnlySpan<byte> bytes)
    {
        if (PolicyFile.Looks(bytes))
        {
            return FirewallRegistry.Read(file, "registry-pol", PolicyFile.Read(file, bytes));
        }

        if (RegfHive.Looks(bytes))
        {
            return FirewallRegistry.Read(file, "wfw", RegfHive.Read(file, bytes));
        }

        if (RegFile.Looks(bytes))
        {
            return FirewallRegistry.Read(file, "reg", RegFile.Read(file, bytes));
        }

        return null;
    }
}
