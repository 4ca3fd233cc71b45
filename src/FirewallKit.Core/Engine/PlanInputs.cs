using FirewallKit.Core.Catalog;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;

namespace FirewallKit.Core.Engine;

/// <summary>The one call every command makes: read the catalog and profile, validate, plan.</summary>
public static class PlanInputs
{
    /// <summary>The catalog at <paramref name="catalogPath"/>, or the embedded PrinterOn catalog when null.</summary>
    public static PortCatalog LoadCatalog(string? catalogPath) =>
        catalogPath is null ? CatalogLoader.LoadEmbedded() : CatalogLoader.Load(catalogPath);

    public static RulePlan Plan(string profilePath, string? catalogPath)
    {
        var catalog = LoadCatalog(catalogPath);
        var profile = ProfileLoader.Load(profilePath, catalog);
        return RulePlanner.Plan(catalog, profile);
    }
}
