using FirewallKit.Core.Catalog;
using FirewallKit.Core.Profiles;

namespace FirewallKit.Core.Plan;

/// <summary>
/// What the plan was made from. <see cref="RuleNamePrefix"/> is the catalog's prefix that every
/// rule name starts with (followed by '-'): what recognises the plan's rules where no group can be set (netsh).
/// </summary>
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
    string RuleGroup,
    string RuleNamePrefix = "")
{
    /// <summary>The server of the deployment the plan is for (<c>--host</c>); null for the deployment as a whole.</summary>
    public string? Host { get; init; }

    /// <summary>The profile's file name only, as generated files quote it: a full path would differ per machine.</summary>
    public string ProfileFileName => Path.GetFileName(Profile);
}
