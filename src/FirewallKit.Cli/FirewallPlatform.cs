using FirewallKit.Core.IO;
using FirewallKit.Core.Machine;
using FirewallKit.Windows;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Cli;

/// <summary>The firewall of the machine fwkit runs on, and where it keeps backups and logs there.</summary>
internal static class FirewallPlatform
{
    public static IFirewallEnvironment Current() =>
        OperatingSystem.IsWindows() ? new WindowsFirewallEnvironment { Folders = Folders } : new UnsupportedPlatformEnvironment();

    /// <summary>On Windows, backup and log folders are checked against their access lists (and the data folder made private).</summary>
    public static IFolderGuard Folders => OperatingSystem.IsWindows() ? new WindowsFolderGuard(DataRoot) : UncheckedFolders.Instance;

    /// <summary>The live firewall (COM) and the system's listeners with their programs on Windows; null elsewhere, where audit needs a dump.</summary>
    public static LiveAudit? CurrentLiveAudit() =>
        OperatingSystem.IsWindows()
            ? new LiveAudit(new RegistryStoreRuleSource(new ComRuleSource(CoCreatedNetFwObjects.Instance, Environment.MachineName), new WindowsRegistryValues()), new WindowsListenerSource())
            : null;

    /// <summary>The machine's interfaces for LocalSubnet; on Windows with the on-link routes of its route table, which Windows' own LocalSubnet follows.</summary>
    public static INetworkInterfaces CurrentNetwork() =>
        new SystemNetworkInterfaces(OperatingSystem.IsWindows() ? new IpForwardTable() : null);

    /// <summary>%ProgramData%\FirewallKit\backups on Windows: machine-wide, and writable by the elevated process that applies.</summary>
    public static string DefaultBackupDirectory => Path.Combine(DataRoot, "backups");

    /// <summary>%ProgramData%\FirewallKit\logs\fwkit.log on Windows, so an installer's run leaves a log without being asked; none elsewhere.</summary>
    public static string? DefaultLogFile => OperatingSystem.IsWindows() ? Path.Combine(DataRoot, "logs", "fwkit.log") : null;

    private static string DataRoot => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "FirewallKit");
}
