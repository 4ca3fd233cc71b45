using System.CommandLine;

namespace FirewallKit.Cli;

/// <summary>Options shared by the commands that read or change the firewall (apply, verify, remove, rollback).</summary>
internal static class FirewallOptions
{
    public static Option<bool> DryRun() => new("--dry-run")
    {
        Description = "Show the changes and write nothing (no rules, no backup).",
    };

    public static Option<string?> BackupDirectory() => new("--backup-dir")
    {
        Description = @"Where to write the backup taken before any change (default %ProgramData%\FirewallKit\backups).",
    };

    public static Option<OutputFormat> Format() =>
        GlobalOptions.Format("text (the default) or table, the same list of changes, or json (the fwkit.result summary for installers and monitoring).");
}
