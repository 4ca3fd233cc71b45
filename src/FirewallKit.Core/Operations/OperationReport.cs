using FirewallKit.Core.Apply;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Operations;

/// <summary>
/// Everything an apply, verify, remove or rollback has to tell. <see cref="Diff"/> is null when
/// nothing could be compared; <see cref="ComparedWithEmptyFirewall"/> marks a dry run on a machine
/// without a Windows firewall, where the changes are those a fresh machine would get.
/// </summary>
public sealed record OperationReport
{
    /// <summary>The version of the operation summary's JSON form; bump on breaking changes.</summary>
    public const string ContractVersion = "fwkit.result/1";

    /// <summary>apply, verify, remove or rollback.</summary>
    public required string Operation { get; init; }

    public required OperationStatus Status { get; init; }

    public bool DryRun { get; init; }

    public required RuleOwnership Ownership { get; init; }

    public RuleDiff? Diff { get; init; }

    public string? PlanHash { get; init; }

    public string? BackupPath { get; init; }

    public ValueList<PlanWarning> Warnings { get; init; } = [];

    /// <summary>What stopped the operation before anything was written.</summary>
    public ValueList<string> Problems { get; init; } = [];

    /// <summary>Why writing failed.</summary>
    public string? Error { get; init; }

    /// <summary>Why restoring the backup after a failure failed too.</summary>
    public string? RollbackError { get; init; }

    public bool ComparedWithEmptyFirewall { get; init; }
}
