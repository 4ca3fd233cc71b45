using FirewallKit.Core.Catalog;
using FirewallKit.Core.Profiles;

namespace FirewallKit.Core.Plan;

/// <summary>What the plan was made from.</summary>
public sealed record PlanSource(
    string Product,
    string CatalogId,
    string CatalogVersion,
    string Catalog,
    string ProfileName,
    string Profile,
    Version ProductVersion,
    Topology Topology,
    Enforcement Enforcement,
    string RuleGroup);
