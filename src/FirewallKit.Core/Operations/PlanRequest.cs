namespace FirewallKit.Core.Operations;

/// <summary>The inputs of a plan: a deployment profile, and a catalog file or (when null) the embedded PrinterOn catalog.</summary>
public sealed record PlanRequest(string ProfilePath, string? CatalogPath = null);
