using System.CommandLine;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Operations;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit remove</c>: delete every rule fwkit owns in a group (uninstall), after a backup.</summary>
internal static class RemoveCommand
{

    public static Command GetCommand(CliHost host)
    {
        var group = new Option<string?>("--group")
        {
            Description = "The rule group to clear (default: the catalog's, \"PrinterOn Firewall (fwkit)\"). Only rules named with the catalog's prefix are removed.",
        };
        var catalog = GlobalOptions.Catalog();
        var dryRun = FirewallOptions.DryRun();
        var backupDirectory = FirewallOptions.BackupDirectory();
        var format = FirewallOptions.Format();
        var output = GlobalOptions.Output();
        var command = new Command("remove", "Remove every rule fwkit owns in the group (for uninstall), after a backup; verified, rolled back on failure.")
        {
            group, catalog, dryRun, backupDirectory, format, output,
        };
        command.SetAction(parse => host.Run(
            parse,
            log =>
            {
                var report = FirewallOperations.Remove(
                    new RemoveRequest(parse.GetValue(group), parse.GetValue(catalog), parse.GetValue(dryRun), parse.GetValue(backupDirectory) ?? FirewallPlatform.DefaultBackupDirectory),
                    host.Firewall,
                    host.Clock);
                return OperationOutput.Write(host, report, parse.GetValue(format), parse.GetValue(output), log);
            },
            FirewallPlatform.DefaultLogFile));
        return command;
    }
}
