namespace FirewallKit.Core.Apply;

/// <summary><c>fwkit apply</c>: make the firewall hold exactly the profile's planned rules.</summary>
public sealed record ApplyRequest(string ProfilePath, string? CatalogPath, bool DryRun, string BackupDirectory);
