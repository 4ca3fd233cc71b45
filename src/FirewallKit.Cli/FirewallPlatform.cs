using FirewallKit.Core.Apply;
using FirewallKit.Windows;

namespace FirewallKit.Cli;

/// <summary>The firewall of the machine fwkit runs on, and where it keeps backups and logs there.</summary>
internal static class FirewallPlatform
{
    public static IFirewallEnvironment Current() =>
        OperatingSystem.IsWindows() ? new WindowsFirewallEnvironment() : new UnsupportedPlatformEnvironment();

    /// <summary>%ProgramData%\FirewallKit\backups on Windows: machine-wide, and writable by the elevated process that applies.</summary>
    public static string DefaultBackupDirectory => Path.Combine(DataRoot, "backups");

    /// <summary>%ProgramData%\FirewallKit\logs\fwkit.log on Windows, so an installer's run leaves a log without being asked; none elsewhere.</summary>
    public static string? DefaultLogFile => OperatingSystem.IsWindows() ? Path.Combine(DataRoot, "logs", "fwkit.log") : null;

    private static string DataRoot => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "FirewallKit");
}
