using System.CommandLine;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Operations;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit apply</c>: make the firewall hold exactly the profile's rules, writing only what differs.</summary>
internal static class ApplyCommand
{

    public static Command GetCommand(CliHost host)
    {
        var profile = GlobalOptions.Profile();
        var catalog = GlobalOptions.Catalog();
        var hostName = GlobalOptions.Host();
        var dryRun = FirewallOptions.DryRun();
        var backupDirectory = FirewallOptions.BackupDirectory();
        var format = FirewallOptions.Format();
        var output = GlobalOptions.Output();
        var command = new Command(
            "apply",
            "Write the profile's rules to this Windows machine's firewall: only the rules that differ, after a backup, verified by reading back, rolled back on failure.")
        {
            profile, catalog, hostName, dryRun, backupDirectory, format, output,
        };
        command.SetAction(parse => host.Run(
            parse,
            log =>
            {
                var report = FirewallOperations.Apply(
                    new ApplyRequest(new PlanRequest(parse.GetRequiredValue(profile), parse.GetValue(catalog), parse.GetValue(hostName)), parse.GetValue(dryRun), parse.GetValue(backupDirectory) ?? FirewallPlatform.DefaultBackupDirectory),
                    host.Firewall,
                    host.Network,
                    host.Clock);
                return OperationOutput.Write(host, report, parse.GetValue(format), parse.GetValue(output), log);
            },
            FirewallPlatform.DefaultLogFile));
        return command;
    }
}
