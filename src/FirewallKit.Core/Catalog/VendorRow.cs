namespace FirewallKit.Core.Catalog;

/// <summary>The vendor's own words for a port, kept verbatim so a reviewer can check the catalog against the table.</summary>
public sealed record VendorRow(string Port, string Required, string Description, string Owner, string ToDisable);
