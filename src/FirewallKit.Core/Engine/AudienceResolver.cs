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

    /// <summary>
    /// What <c>LocalSubnet</c> means for this plan: the profile's literal <c>localSubnets</c> if it gives
    /// them, else the machine's subnets when the plan is made where it is applied, else unknown (null).
    /// </summary>
    public static AddressSet? SiteSubnets(DeploymentProfile profile, AddressSet? machineSubnets)
    {
        var declared = profile.AddressSet(Audience.LocalSubnets);
        return !declared.HasKeywords && !declared.IsAny && !declared.IsEmpty ? declared : machineSubnets;
    }

    /// <summary>The set with every LocalSubnet keyword (LocalSubnet4 and LocalSubnet6 by family) replaced by the site's literal subnets.</summary>
    public static AddressSet WithLocalSubnet(AddressSet set, AddressSet site)
    {
        var local = set.Keywords.Where(IsLocalSubnet).ToList();
        if (local.Count == 0)
        {
            return set;
        }

        return AddressSet.Of(set.Ranges.Select(r => new AddressToken(r, null))
            .Concat(set.Keywords.Where(k => !IsLocalSubnet(k)).Select(k => new AddressToken(null, k)))
            .Concat(site.Ranges.Where(r => local.Any(k => k.CanHold(r.Family))).Select(r => new AddressToken(r, null))));
    }

    public static bool IsLocalSubnet(AddressKeyword keyword) => keyword.Name == AddressKeywordName.LocalSubnet;

    public static bool Holds(ReachCondition when, DeploymentProfile profile) => when.Holds(profile.Topology, profile.IsOn);

    private static AddressSet Union(IEnumerable<Peer> peers) => AddressSet.Union(peers.Select(p => p.Addresses));
}
