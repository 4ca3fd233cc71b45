using FirewallKit.Core.Addresses;
using FirewallKit.Core.Ports;
using FirewallKit.Core.Rules;

namespace FirewallKit.Tests.Support;

/// <summary>
/// What Windows Firewall hands back for what was written (reference §4.5): a bare IPv4 address as
/// <c>a.b.c.d/255.255.255.255</c>, subnets in mask form, IPv6 addresses with <c>/128</c>, Any as
/// <c>*</c>, ports "Any" as <c>*</c>, keywords in canonical spelling; token by token, never merged.
/// A rule "read back" is its sets written in those forms and parsed again, as the COM store does.
/// </summary>
public static class ReadBackForms
{
    public static FirewallRule Of(FirewallRule rule) => rule with
    {
        RemoteAddresses = AddressSet.ParseList(Addresses(rule.RemoteAddresses)),
        LocalPorts = PortSet.Parse(Ports(rule.LocalPorts)),
    };

    /// <summary>The addresses as Windows lists them: comma-separated, in mask form, <c>*</c> for Any.</summary>
    public static string Addresses(AddressSet set) =>
        set.IsAny ? "*" : string.Join(",", set.Ranges.Select(Range).Concat(set.Keywords.Select(k => k.ToString())));

    public static string Ports(PortSet ports) =>
        ports.IsAny ? "*" : string.Join(",", ports.ToTokens());

    private static string Range(AddressRange range)
    {
        var start = AddressRange.FormatAddress(range.Family, range.Start);
        if (range.PrefixLength() is not { } prefix)
        {
            return start + "-" + AddressRange.FormatAddress(range.Family, range.End);
        }

        if (range.Family == IpFamily.V6)
        {
            return $"{start}/{prefix}";
        }

        var mask = prefix == 0 ? UInt128.Zero : (AddressRange.MaxV4 ^ ((UInt128.One << (32 - prefix)) - 1)) & AddressRange.MaxV4;
        return $"{start}/{AddressRange.FormatAddress(IpFamily.V4, mask)}";
    }
}
