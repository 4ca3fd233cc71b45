namespace FirewallKit.Core.Catalog;

/// <summary>The audience names a catalog's <c>reachedBy.from</c> may use.</summary>
public static class Audience
{
    public const string Clients = "clients";
    public const string Admins = "admins";
    public const string LoadBalancers = "loadBalancers";
    public const string LocalSubnets = "localSubnets";
    public const string Printers = "printers";
    public const string Peers = "peers";
    public const string PeerRolePrefix = "peers:";

    /// <summary>The audiences that are address sets of the profile (<c>addresses.*</c>).</summary>
    public static readonly IReadOnlyList<string> AddressSets = [Clients, Admins, LoadBalancers, LocalSubnets, Printers];

    /// <summary>The address sets that stand for particular hosts, so they may never add up to everyone (clients may).</summary>
    public static readonly IReadOnlyList<string> RestrictedAddressSets = [Admins, LoadBalancers, LocalSubnets, Printers];

    public static bool IsValid(string from, IEnumerable<ServerRole> roles) =>
        AddressSets.Contains(from)
        || from == Peers
        || (from.StartsWith(PeerRolePrefix, StringComparison.Ordinal) && roles.Any(r => r.Name == from[PeerRolePrefix.Length..]));
}
