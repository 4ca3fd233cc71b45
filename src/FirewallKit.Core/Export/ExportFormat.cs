namespace FirewallKit.Core.Export;

/// <summary>The forms a plan can be exported in.</summary>
public enum ExportFormat
{
    PowerShell,
    Netsh,
    Json,

    /// <summary>A Registry.pol holding the rules under the Group Policy key: binary, written to a file.</summary>
    RegistryPol,

    /// <summary>A GPO backup folder for Import-GPO: written to a folder.</summary>
    GpoBackup,
}
