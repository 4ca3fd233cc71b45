using System.CommandLine;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Operations;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit apply</c>: make the firewall hold exactly the profile's rules, writing only what differs.</summary>
internal static class ApplyCommand
{
    private sealed record Options(string Profile, string? Catalog, bool DryRun, string? BackupDirectory, OutputFormat Format, string? Output);

    public static Command GetCommand(CliHost host)
    {
        var profile = GlobalOptions.Profile();
        var catalog = GlobalOptions.Catalog();
        var dryRun = FirewallOptions.DryRun();
        var backupDirectory = FirewallOptions.BackupDirectory();
        var format = FirewallOptions.Format();
        var output = GlobalOptions.Output();
        var command = new Command(
            "apply",
            "Write the profile's rules to this Windows machine's firewall: only the rules that differ, after a backup, verified by reading back, rolled back on failure.")
        {
            profile, catalog, dryRun, backupDirectory, format, output,
        };
        command.SetAction(parse => host.Run(
            parse,
            log =>
            {
                var options = new Options(parse.GetRequiredValue(profile), parse.GetValue(catalog), parse.GetValue(dryRun), parse.GetValue(backupDirectory), parse.GetValue(format), parse.GetValue(output));
                var report = FirewallOperations.Apply(
                    new ApplyRequest(new PlanRequest(options.Profile, options.Catalog), options.DryRun, options.BackupDirectory ?? FirewallPlatform.DefaultBackupDirectory),
                    host.Firewall,
                    host.Network,
                    host.Clock);
                return OperationOutput.Write(host, report, options.Format, options.Output, log);
            },
            FirewallPlatform.DefaultLogFile));
        return command;
    }
}
