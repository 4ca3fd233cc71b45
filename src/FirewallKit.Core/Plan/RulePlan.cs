namespace FirewallKit.Core.Plan;

/// <summary>The engine's output: ordered rules, the per-port decision table, and warnings.</summary>
public sealed record RulePlan(
    PlanSource Source,
    IReadOnlyList<FirewallRule> Rules,
    IReadOnlyList<PortDecision> Ports,
    IReadOnlyList<PlanWarning> Warnings,
    string Hash)
{
    /// <summary>The version of the JSON contract (<c>plan --format json</c>); bump on breaking changes.</summary>
    public const string ContractVersion = "fwkit.plan/1";
}
