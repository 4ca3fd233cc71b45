using FirewallKit.Core.Catalog;

namespace FirewallKit.Tests.Support;

/// <summary>The embedded PrinterOn catalog, loaded once.</summary>
public static class TestCatalog
{
    private static readonly Lazy<PortCatalog> Embedded = new(CatalogLoader.LoadEmbedded);

    public static PortCatalog PrinterOn => Embedded.Value;
}
