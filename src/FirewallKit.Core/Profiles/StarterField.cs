using FirewallKit.Core.Catalog;

namespace FirewallKit.Core.Profiles;

/// <summary>The value of a <see cref="StarterRequest"/> that is wrong; the front end names it as the user gave it.</summary>
public enum StarterField
{
    Clients,
    Admins,
    Peers,
    ProductVersion,
    LoadBalancers,
    Features,
}
