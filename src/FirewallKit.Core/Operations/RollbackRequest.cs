namespace FirewallKit.Core.Operations;

/// <summary>
/// <c>fwkit rollback</c>: make the firewall hold exactly the owned rules of a backup file. The
/// catalog (the embedded one when null) gives the rule name prefix the backup must carry.
/// </summary>
public sealed record RollbackRequest(string BackupPath, bool DryRun, string BackupDirectory, string? CatalogPath = null);
