namespace FirewallKit.Core.Operations;

/// <summary>
/// The inputs of a plan: a deployment profile, and a catalog file or (when null) the embedded PrinterOn catalog;
/// <paramref name="Host"/> names the server of the deployment (a peer) the plan is for, or null for every server.
/// </summary>
public sealed record PlanRequest(string ProfilePath, string? CatalogPath = null, string? Host = null);
