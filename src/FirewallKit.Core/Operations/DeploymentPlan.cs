using FirewallKit.Core.Plan;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Operations;

/// <summary>
/// A plan and, when the servers of the deployment run different roles and no one host was asked for, the plan of
/// each server (<see cref="Hosts"/>, in the profile's order; empty otherwise, since every host then gets the same plan).
/// </summary>
public sealed record DeploymentPlan(PlannedInputs Inputs, ValueList<HostPlan> Hosts)
{
    public RulePlan Plan => Inputs.Plan;
}
