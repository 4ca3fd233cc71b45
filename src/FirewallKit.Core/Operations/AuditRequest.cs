using FirewallKit.Core.Audit;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Operations;

/// <summary>
/// What to audit: the firewall from <paramref name="Rules"/>; the ports of the plan of <paramref name="ProfilePath"/>
/// (or of the catalog when there is no profile); the listeners of <paramref name="Listeners"/> (none for a dump of
/// another machine); every firewall profile, or <paramref name="Only"/> one; the plan of the deployment's server
/// <paramref name="Host"/>, or of every server.
/// </summary>
public sealed record AuditRequest(
    IRuleSource Rules,
    string? ProfilePath = null,
    string? CatalogPath = null,
    IListenerSource? Listeners = null,
    NetworkProfiles? Only = null,
    string? Host = null)
{
    /// <summary>The plan to compare with, when a deployment profile was given.</summary>
    public PlanRequest? Plan => ProfilePath is null ? null : new PlanRequest(ProfilePath, CatalogPath, Host);
}
