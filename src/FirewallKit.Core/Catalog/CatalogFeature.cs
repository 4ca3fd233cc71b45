using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Catalog;

/// <summary>A product feature or component a profile can switch on or off.</summary>
public sealed record CatalogFeature(string Name, string Description, bool Default, ValueList<string> Requires);
