namespace FirewallKit.Core.Operations;

/// <summary>
/// <c>fwkit rollback</c>: make the firewall hold exactly the owned rules of a backup file. The
/// catalog (the embedded one when null) gives the rule name prefix and the ports the backup may carry; the profile
/// (optional) gives the group, the port overrides and the current plan that the backup is compared with.
/// </summary>
/// <param name="Yes">Restore even what opens a port to more addresses than the current plan (or, without a profile, any allow rule).</param>
public sealed record RollbackRequest(string BackupPath, bool DryRun, string BackupDirectory, string? CatalogPath = null, string? ProfilePath = null, bool Yes = false);
