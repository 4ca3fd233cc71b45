namespace FirewallKit.Core.Plan;

/// <summary>Something the user should know about the plan; <see cref="Code"/> is stable for tooling.</summary>
public sealed record PlanWarning(string Code, string Message);
