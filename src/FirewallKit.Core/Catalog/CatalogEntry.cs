namespace FirewallKit.Core.Catalog;

/// <summary>One row of the vendor's port table, with the structure the engine needs added.</summary>
public sealed record CatalogEntry(
    string Id,
    IReadOnlyList<int> Ports,
    TransportProtocol Protocol,
    string Component,
    bool Required,
    PortRole Role,
    string DisplayName,
    string? Feature,
    Version? DeprecatedIn,
    bool Configurable,
    IReadOnlyList<Reach> ReachedBy,
    string? Note,
    bool Unconfirmed,
    bool FromVendorTable,
    VendorRow? Vendor)
{
    public bool IsDeprecatedAt(Version productVersion) => DeprecatedIn is not null && productVersion >= DeprecatedIn;
}
