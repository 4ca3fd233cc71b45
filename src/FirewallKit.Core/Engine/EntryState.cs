using FirewallKit.Core.Addresses;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Engine;

/// <summary>A catalog entry as it stands in one deployment: its ports, whether it is active, and who reaches it.</summary>
internal sealed record EntryState(
    CatalogEntry Entry,
    ValueList<int> Ports,
    bool Active,
    string? InactiveReason,
    ValueList<(Reach Reach, AddressSet Addresses)> Sources);
