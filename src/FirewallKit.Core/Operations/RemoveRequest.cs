namespace FirewallKit.Core.Operations;

/// <summary><c>fwkit remove</c>: delete every owned rule of a group (the catalog's default group when <see cref="Group"/> is null).</summary>
public sealed record RemoveRequest(string? Group, string? CatalogPath, bool DryRun, string BackupDirectory);
