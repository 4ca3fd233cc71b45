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

    public static bool Holds(ReachCondition when, DeploymentProfile profile) =>
        (when.Topology is null || when.Topology == profile.Topology)
        && (when.Feature is null || profile.IsOn(when.Feature))
        && (when.FeatureOff is null || !profile.IsOn(when.FeatureOff));

    private static AddressSet Union(IEnumerable<Peer> peers) =>
        AddressSet.UnionAll(peers.Select(p => p.Addresses));
}
