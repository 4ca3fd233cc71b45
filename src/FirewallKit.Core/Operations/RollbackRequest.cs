namespace FirewallKit.Core.Operations;

/// <summary><c>fwkit rollback</c>: make the firewall hold exactly the owned rules of a backup file.</summary>
public sealed record RollbackRequest(string BackupPath, bool DryRun, string BackupDirectory);
