using FirewallKit.Core.Plan;

namespace FirewallKit.Core.Operations;

/// <summary>An export's text, the plan's hash for the log, and its warnings, which the user must see even when the text goes to a file.</summary>
public sealed record ExportedPlan(string Content, string PlanHash, IReadOnlyList<PlanWarning> Warnings);
