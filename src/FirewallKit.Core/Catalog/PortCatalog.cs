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
    public CatalogEntry? FindEntry(string id) => Entries.FirstOrDefault(e => e.Id == id);
}
