using FirewallKit.Core.Plan;

namespace FirewallKit.Core.Operations;

/// <summary>An export's text, and the plan's warnings, which the user must see even when the text goes to a file.</summary>
public sealed record ExportedPlan(string Content, IReadOnlyList<PlanWarning> Warnings);
