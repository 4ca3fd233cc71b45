using System.CommandLine;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Operations;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit remove</c>: delete every rule fwkit owns in a group (uninstall), after a backup.</summary>
internal static class RemoveCommand
{
    private sealed record Options(string? Group, string? Catalog, bool DryRun, string? BackupDirectory, OutputFormat Format, string? Output);

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
                var options = new Options(parse.GetValue(group), parse.GetValue(catalog), parse.GetValue(dryRun), parse.GetValue(backupDirectory), parse.GetValue(format), parse.GetValue(output));
                var report = FirewallOperations.Remove(
                    new RemoveRequest(options.Group, options.Catalog, options.DryRun, options.BackupDirectory ?? FirewallPlatform.DefaultBackupDirectory),
                    host.Firewall,
                    host.Clock);
                return OperationOutput.Write(host, report, options.Format, options.Output, log);
            },
            FirewallPlatform.DefaultLogFile));
        return command;
    }
}
