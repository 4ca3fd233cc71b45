using System.CommandLine;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Operations;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit verify</c>: exit 0 when the firewall holds exactly the profile's rules, 1 with the drift listed.</summary>
internal static class VerifyCommand
{

    public static Command GetCommand(CliHost host)
    {
        var profile = GlobalOptions.Profile();
        var catalog = GlobalOptions.Catalog();
        var hostName = GlobalOptions.Host();
        var format = FirewallOptions.Format();
        var output = GlobalOptions.Output();
        var command = new Command("verify", "Compare the firewall with the profile's rules: exit 0 in sync, 1 with the drift listed. Writes nothing.")
        {
            profile, catalog, hostName, format, output,
        };
        command.SetAction(parse => host.Run(parse, log =>
        {
            var report = FirewallOperations.Verify(new PlanRequest(parse.GetRequiredValue(profile), parse.GetValue(catalog), parse.GetValue(hostName)), host.Firewall, host.Network);
            return OperationOutput.Write(host, report, parse.GetValue(format), parse.GetValue(output), log);
        }));
        return command;
    }
}
