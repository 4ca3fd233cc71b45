namespace FirewallKit.Core.Operations;

/// <summary><c>fwkit apply</c>: make the firewall hold exactly the plan's rules.</summary>
public sealed record ApplyRequest(PlanRequest Plan, bool DryRun, string BackupDirectory);
