using System.CommandLine;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Operations;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit rollback</c>: put the owned rules back as a backup file holds them.</summary>
internal static class RollbackCommand
{
    private sealed record Options(string Backup, string? Catalog, bool DryRun, string? BackupDirectory, OutputFormat Format, string? Output);

    public static Command GetCommand(CliHost host)
    {
        var backup = new Option<string>("--backup")
        {
            Description = "A backup file written by apply, remove or rollback.",
            Required = true,
        };
        var catalog = GlobalOptions.Catalog();
        var dryRun = FirewallOptions.DryRun();
        var backupDirectory = FirewallOptions.BackupDirectory();
        var format = FirewallOptions.Format();
        var output = GlobalOptions.Output();
        var command = new Command("rollback", "Make the owned rules of the backup's group exactly those in the backup file (itself backed up first, so a rollback can be undone).")
        {
            backup, catalog, dryRun, backupDirectory, format, output,
        };
        command.SetAction(parse => host.Run(
            parse,
            log =>
            {
                var options = new Options(parse.GetRequiredValue(backup), parse.GetValue(catalog), parse.GetValue(dryRun), parse.GetValue(backupDirectory), parse.GetValue(format), parse.GetValue(output));
                var report = FirewallOperations.Rollback(
                    new RollbackRequest(options.Backup, options.DryRun, options.BackupDirectory ?? FirewallPlatform.DefaultBackupDirectory, options.Catalog),
                    host.Firewall,
                    host.Clock);
                return OperationOutput.Write(host, report, options.Format, options.Output, log);
            },
            FirewallPlatform.DefaultLogFile));
        return command;
    }
}
