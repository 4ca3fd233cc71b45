using FirewallKit.Core.Catalog;

namespace FirewallKit.Core.Profiles;

/// <summary>Why a starter profile was refused, so the front end can give a fix in its own terms.</summary>
public enum StarterRefusal
{
    /// <summary>A value that is not an address, subnet, range or keyword.</summary>
    Address,

    /// <summary>A keyword where a peer needs literal addresses.</summary>
    PeerKeyword,

    /// <summary>Peers given for a single server.</summary>
    PeersOnSingleServer,

    /// <summary>A product version that is not major.minor.patch.</summary>
    ProductVersion,

    /// <summary>A feature the catalog does not have.</summary>
    UnknownFeature,
}
