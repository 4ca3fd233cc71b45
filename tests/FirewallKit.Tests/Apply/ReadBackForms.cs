using FirewallKit.Core.Addresses;
using FirewallKit.Core.Plan;

namespace FirewallKit.Tests.Apply;

/// <summary>
/// What Windows Firewall hands back for what was written (reference §4.5): a bare IPv4 address as
/// <c>a.b.c.d/255.255.255.255</c>, subnets in mask form, IPv6 addresses with <c>/128</c>, Any as
/// <c>*</c>, ports "Any" as <c>*</c>, keywords in canonical spelling; token by token, never merged.
/// </summary>
public static class ReadBackForms
{
    public static FirewallRule Of(FirewallRule rule) => rule with
    {
        RemoteAddresses = Addresses(rule.RemoteAddresses),
        LocalPorts = Ports(rule.LocalPorts),
    };

    public static IReadOnlyList<string> Addresses(IReadOnlyList<string> tokens)
    {
        var result = new List<string>();
        foreach (var token in tokens.SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var parsed = AddressParser.Parse(token);
            if (parsed.Keyword == AddressKeyword.Any)
            {
                return ["*"];
            }

            result.Add(parsed.Keyword ?? Range(parsed.Range!.Value));
        }

        return result;
    }

    public static IReadOnlyList<string> Ports(IReadOnlyList<string> tokens) =>
        tokens.Any(t => t == "*" || string.Equals(t, "Any", StringComparison.OrdinalIgnoreCase))
            ? ["*"]
            : [.. tokens.Select(t => string.Equals(t, "RPCEPMap", StringComparison.OrdinalIgnoreCase) ? "RPC-EPMap" : t)];

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
