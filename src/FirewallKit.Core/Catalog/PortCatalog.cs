using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Catalog;

/// <summary>A product's port table: everything the engine knows about the product lives here, not in code.</summary>
public sealed record PortCatalog(
    string Id,
    string Product,
    string CatalogVersion,
    string Source,
    string DefaultRuleGroup,
    string RuleNamePrefix,
    EphemeralRange? Ephemeral,
    ValueList<ServerRole> ServerRoles,
    ValueList<CatalogFeature> Features,
    ValueList<CatalogEntry> Entries,
    string Origin)
{
    /// <summary>
    /// The newest product version the catalog names (its newest deprecation). A profile's version in a newer
    /// major.minor line may have ports the catalog does not know; a patch of that line is taken as known.
    /// </summary>
    public Version NewestKnownVersion =>
        Entries.Select(e => e.DeprecatedIn).OfType<Version>().DefaultIfEmpty(new Version(1, 0, 0)).Max() ?? new Version(1, 0, 0);

    public bool IsNewerThanKnown(Version version) =>
        version.Major > NewestKnownVersion.Major || (version.Major == NewestKnownVersion.Major && version.Minor > NewestKnownVersion.Minor);

    public CatalogEntry? FindEntry(string id) => Entries.FirstOrDefault(e => e.Id == id);
}
