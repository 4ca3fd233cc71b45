using FirewallKit.Core.Addresses;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Profiles;

namespace FirewallKit.Core.Engine;

/// <summary>Turns a catalog audience (<c>clients</c>, <c>peers:pas</c>, ...) into the profile's addresses.</summary>
internal static class AudienceResolver
{
    public static AddressSet Resolve(string audience, DeploymentProfile profile)
    {
        if (audience == Audience.Peers)
        {
            return Union(profile.Peers);
        }

        if (audience.StartsWith(Audience.PeerRolePrefix, StringComparison.Ordinal))
        {
            var role = audience[Audience.PeerRolePrefix.Length..];
            return Union(profile.Peers.Where(p => p.HasRole(role)));
        }

        return profile.AddressSet(audience);
    }

    public static bool Holds(ReachCondition when, DeploymentProfile profile) => when.Holds(profile.Topology, profile.IsOn);

    private static AddressSet Union(IEnumerable<Peer> peers) => AddressSet.Union(peers.Select(p => p.Addresses));
}
