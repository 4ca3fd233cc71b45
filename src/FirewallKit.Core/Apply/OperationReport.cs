using FirewallKit.Core.Plan;

namespace FirewallKit.Core.Apply;

/// <summary>
/// Everything the CLI prints about an apply, verify, remove or rollback. <see cref="Diff"/> is null
/// when nothing could be compared; <see cref="ComparedWithEmptyFirewall"/> marks a dry run on a
/// machine without a Windows firewall, where the changes are those a fresh machine would get.
/// </summary>
public sealed record OperationReport(
    string Operation,
    OperationStatus Status,
    bool DryRun,
    RuleOwnership Ownership,
    RuleDiff? Diff,
    string? PlanHash,
    string? BackupPath,
    IReadOnlyList<PlanWarning> Warnings,
    IReadOnlyList<string> Problems,
    string? Error,
    string? RollbackError,
    bool ComparedWithEmptyFirewall)
{
    /// <summary>The version of the <c>--output json</c> summary; bump on breaking changes.</summary>
    public const string ContractVersion = "fwkit.result/1";
}
