using FirewallKit.Core.Registry;

namespace FirewallKit.Core.Audit;

/// <summary>
/// The registry forms <c>audit --rules</c> reads beside the netsh and PowerShell dumps, told by their first bytes: a
/// Registry.pol (<c>PReg</c>), a <c>.wfw</c> hive from <c>netsh advfirewall export</c> (<c>regf</c>), and a <c>.reg</c>
/// export of a rules key (<c>Windows Registry Editor Version 5.00</c>, UTF-16 or UTF-8).
/// </summary>
public static class RegistryDump
{
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
