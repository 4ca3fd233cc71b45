using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Catalog;

/// <summary>One row of the vendor's port table, with the structure the engine needs added.</summary>
public sealed record CatalogEntry
{
    public required string Id { get; init; }

    /// <summary>The default ports; empty only for a configurable port the profile must give.</summary>
    public required ValueList<int> Ports { get; init; }

    public required TransportProtocol Protocol { get; init; }

    public required string Component { get; init; }

    public bool Required { get; init; }

    public required PortRole Role { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>The feature that switches the port on, if it depends on one.</summary>
    public string? Feature { get; init; }

    public Version? DeprecatedIn { get; init; }

    public bool Configurable { get; init; }

    /// <summary>The server roles whose hosts listen on the port; empty means every host (local IPC, the Configuration Manager).</summary>
    public ValueList<string> ServedBy { get; init; } = [];

    public ValueList<Reach> ReachedBy { get; init; } = [];

    public string? Note { get; init; }

    public bool Unconfirmed { get; init; }

    public bool FromVendorTable { get; init; }

    public VendorRow? Vendor { get; init; }

    /// <summary>Whether a host running <paramref name="roles"/> listens on the port; no roles means every role.</summary>
    public bool IsServedBy(IReadOnlyCollection<string> roles) => ServedBy.Count == 0 || roles.Count == 0 || ServedBy.Any(roles.Contains);

    public bool IsDeprecatedAt(Version productVersion) => DeprecatedIn is not null && productVersion >= DeprecatedIn;
}
