using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Plan;

/// <summary>The plan for one server of the deployment: its name, the roles it runs (none: every role), its rules.</summary>
public sealed record HostPlan(string Host, ValueList<string> Roles, RulePlan Plan);
