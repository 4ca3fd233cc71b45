
namespace FirewallKit.Core.Addresses;

/// <summary>
/// The remote addresses no inbound rule needs to, or can, name: <see cref="Loopback"/> (Windows does not
/// filter it) and the IPv6 unspecified address <c>::</c> (no TCP or UDP connection arrives from it: a host
/// without an address cannot complete a handshake or receive a reply). Windows refuses both IPv6 ones in a
/// rule's RemoteAddresses ([MS-FASP] 2.2.6, 2.2.10; 0xD000000D), so a plan, an exported script or a COM
/// write that names them fails on a real machine. Leaving them out of every rule, complement and
/// "everyone" changes no packet's fate.
/// </summary>
public static class OutsideRules
{
    public static readonly AddressSet Unspecified = AddressSet.Parse("::");

    public static readonly AddressSet Addresses = Loopback.Addresses.Union(Unspecified);

    /// <summary><paramref name="set"/> without these addresses; <c>Any</c> stays Any (Windows writes it as a keyword, not a list).</summary>
    public static AddressSet Without(AddressSet set)
    {
        if (set.IsAny)
        {
            return set;
        }

        var rest = set.Except(Addresses);
        return rest.Equals(set) ? set : rest;
    }
}
