using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Apply;

/// <summary>
/// The outcome of one <see cref="RuleApplier"/> transaction. <see cref="Error"/> says why writing
/// failed, <see cref="RollbackError"/> why restoring failed; <see cref="ForeignRules"/> lists the rules
/// in the group that fwkit does not own or cannot represent, and left alone. <see cref="Diff"/> is null
/// only when the firewall could not be read or cannot hold the desired rules.
/// </summary>
public sealed record ApplyResult(
    OperationStatus Status,
    RuleDiff? Diff,
    string? BackupPath = null,
    string? Error = null,
    string? RollbackError = null,
    ValueList<ForeignRule>? ForeignRules = null)
{
    public ValueList<ForeignRule> ForeignRules { get; init; } = ForeignRules ?? [];
}
