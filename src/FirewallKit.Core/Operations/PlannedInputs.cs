using FirewallKit.Core.Apply;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;

namespace FirewallKit.Core.Operations;

/// <summary>The catalog and profile of a <see cref="PlanRequest"/>, read and validated once, and their plan.</summary>
public sealed record PlannedInputs(PortCatalog Catalog, DeploymentProfile Profile, RulePlan Plan)
{
    /// <summary>The server of the deployment the plan is for; null when it serves every server.</summary>
    public Peer? Host { get; init; }

    /// <summary>The rules fwkit may change for this plan: the profile's group, the catalog's name prefix.</summary>
    public RuleOwnership Ownership => new(Profile.RuleGroup, Catalog.RuleNamePrefix);
}
