using System.CommandLine;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Operations;
using FirewallKit.Core.Plan;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit plan</c>: the rules a profile needs and, port by port, who may reach it and why.</summary>
internal static class PlanCommand
{

    public static Command GetCommand(CliHost host)
    {
        var profile = GlobalOptions.Profile();
        var catalog = GlobalOptions.Catalog();
        var hostName = GlobalOptions.Host();
        var output = GlobalOptions.Output();
        var format = GlobalOptions.Format("table (the default) or text, the same for people, or json (the versioned plan contract, fwkit.plan/1).");

        var command = new Command("plan", "Show the inbound rules a profile needs and who may reach each port.")
        {
            profile, catalog, hostName, format, output,
        };
        command.SetAction(parse => host.Run(parse, log =>
        {
            var deployment = Planning.Deployment(new PlanRequest(parse.GetRequiredValue(profile), parse.GetValue(catalog), parse.GetValue(hostName)));
            var plan = deployment.Plan;
            log.Debug("Planned {RuleCount} rules for {PortCount} ports from {Profile}: plan {PlanHash}", plan.Rules.Count, plan.Ports.Count, parse.GetRequiredValue(profile), plan.Hash);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                host.Write(parse.GetValue(output), stream => PlanContract.Write(plan, stream), log);
            }
            else
            {
                host.Write(parse.GetValue(output), PlanTableFormatter.Table(plan, parse.GetValue(output) is null ? host.Console.Width : null, deployment.Hosts), log);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
