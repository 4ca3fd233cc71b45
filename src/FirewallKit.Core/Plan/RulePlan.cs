using FirewallKit.Core.Rules;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Plan;

/// <summary>The engine's output: ordered rules, the per-port decision table, and warnings.</summary>
public sealed record RulePlan(
    PlanSource Source,
    ValueList<FirewallRule> Rules,
    ValueList<PortDecision> Ports,
    ValueList<PlanWarning> Warnings,
    string Hash)
{
    /// <summary>The version of the plan's JSON contract (<see cref="PlanContract"/>); bump on breaking changes.</summary>
    public const string ContractVersion = "fwkit.plan/1";

    /// <summary>
    /// The audiences whose LocalSubnet keyword <c>fwkit apply</c> resolves into the machine's subnets (and
    /// then enforces with block rules), sorted; an exported script keeps the keyword. Empty when the profile's
    /// <c>localSubnets</c> spells the subnets out, or when the plan was made for the machine itself.
    /// </summary>
    public ValueList<string> ResolvedAtApply { get; init; } = [];
}
