namespace FirewallKit.Core.Apply;

/// <summary>
/// The outcome of one <see cref="RuleApplier"/> transaction. <see cref="Error"/> says why writing
/// failed, <see cref="RollbackError"/> why restoring failed; <see cref="ForeignRules"/> counts rules
/// in the group that fwkit does not own and left alone. <see cref="Diff"/> is null only when the firewall could not be read.
/// </summary>
public sealed record ApplyResult(
    OperationStatus Status,
    RuleDiff? Diff,
    string? BackupPath = null,
    string? Error = null,
    string? RollbackError = null,
    int ForeignRules = 0);
