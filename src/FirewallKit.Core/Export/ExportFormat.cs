namespace FirewallKit.Core.Export;

/// <summary>The forms a plan can be exported in.</summary>
public enum ExportFormat
{
    PowerShell,
    Netsh,
    Json,
}
