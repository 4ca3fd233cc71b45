using FirewallKit.Core.Addresses;
using FirewallKit.Core.Rules;

namespace FirewallKit.Core.Audit;

/// <summary>
/// Names the rules whose addresses are IPv4-mapped IPv6 (::ffff:a.b.c.d). They are kept as IPv6: Windows filters IPv4
/// traffic at its IPv4 layers, whose address conditions are IPv4 values, so such an entry does not match an IPv4
/// client, and reading it as IPv4 would credit a block rule with keeping IPv4 clients out.
/// </summary>
public static class MappedAddressNotes
{
    /// <summary>Only IPv6 ranges can be mapped: looked for in them alone, without listing every rule's ranges.</summary>
    private static bool HasMapped(AddressSet set)
    {
        foreach (var interval in set.V6.Intervals)
        {
            if (AddressRange.Of(interval).IsIPv4Mapped)
            {
                return true;
            }
        }

        return false;
    }

    public static void Add(IEnumerable<StoredRule> rules, List<string> notes)
    {
        var named = rules
            .Where(r => HasMapped(r.RemoteAddresses) || HasMapped(r.LocalAddresses))
            .Select(r => $"'{r.DisplayName}'")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (named.Count > 0)
        {
            notes.Add($"rule(s) {string.Join(", ", named)} name IPv4-mapped IPv6 addresses (::ffff:a.b.c.d); they are read as IPv6, because Windows does not match IPv4 clients against them");
        }
    }
}
