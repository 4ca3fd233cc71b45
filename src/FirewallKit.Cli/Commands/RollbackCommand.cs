using System.CommandLine;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Operations;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit rollback</c>: put the owned rules back as a backup file holds them.</summary>
internal static class RollbackCommand
{

    public static Command GetCommand(CliHost host)
    {
        var backup = new Option<string>("--backup")
        {
            Description = "A backup file written by apply, remove or rollback.",
            Required = true,
        };
        var profile = GlobalOptions.Profile(required: false);
        profile.Description = "The deployment profile: its rule group, port overrides and plan, which the backup is checked and compared against.";
        var yes = new Option<bool>("--yes")
        {
            Description = "Restore the backup even where it opens a port to more addresses than the current plan.",
        };
        var catalog = GlobalOptions.Catalog();
        var dryRun = FirewallOptions.DryRun();
        var backupDirectory = FirewallOptions.BackupDirectory();
        var format = FirewallOptions.Format();
        var output = GlobalOptions.Output();
        var command = new Command("rollback", "Make the owned rules of the backup's group exactly those in the backup file (itself backed up first, so a rollback can be undone).")
        {
            backup, profile, catalog, dryRun, yes, backupDirectory, format, output,
        };
        command.SetAction(parse => host.Run(
            parse,
            log =>
            {
                var report = FirewallOperations.Rollback(
                    new RollbackRequest(parse.GetRequiredValue(backup), parse.GetValue(dryRun), parse.GetValue(backupDirectory) ?? FirewallPlatform.DefaultBackupDirectory, parse.GetValue(catalog), parse.GetValue(profile), parse.GetValue(yes)),
                    host.Firewall,
                    host.Clock);
                return OperationOutput.Write(host, report, parse.GetValue(format), parse.GetValue(output), log);
            },
            FirewallPlatform.DefaultLogFile));
        return command;
    }
}
