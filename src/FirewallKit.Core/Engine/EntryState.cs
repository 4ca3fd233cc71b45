using FirewallKit.Core.Addresses;
using FirewallKit.Core.Catalog;

namespace FirewallKit.Core.Engine;

/// <summary>A catalog entry as it stands in one deployment: its ports, whether it is active, and who reaches it.</summary>
internal sealed record EntryState(
    CatalogEntry Entry,
    IReadOnlyList<int> Ports,
    bool Active,
    string? InactiveReason,
    IReadOnlyList<(Reach Reach, AddressSet Addresses)> Sources);
