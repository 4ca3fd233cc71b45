namespace FirewallKit.Core.Operations;

/// <summary><c>fwkit verify</c>: compare the firewall with the plan.</summary>
public sealed record VerifyRequest(PlanRequest Plan);
