using System.CommandLine;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Operations;
using FirewallKit.Core.Plan;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit plan</c>: the rules a profile needs and, port by port, who may reach it and why.</summary>
internal static class PlanCommand
{
    private sealed record Options(string Profile, string? Catalog, string Format, string? Output);

    public static Command GetCommand(CliHost host)
    {
        var profile = GlobalOptions.Profile();
        var catalog = GlobalOptions.Catalog();
        var output = GlobalOptions.Output();
        var format = GlobalOptions.Format("table (for people) or json (the versioned plan contract).", "table", "json");

        var command = new Command("plan", "Show the inbound rules a profile needs and who may reach each port.")
        {
            profile, catalog, format, output,
        };
        command.SetAction(parse => host.Run(parse, log =>
        {
            var options = new Options(parse.GetRequiredValue(profile), parse.GetValue(catalog), parse.GetRequiredValue(format), parse.GetValue(output));
            var plan = Planning.Plan(new PlanRequest(options.Profile, options.Catalog));
            log.Debug("Planned {RuleCount} rules for {PortCount} ports from {Profile}", plan.Rules.Count, plan.Ports.Count, options.Profile);
            host.Write(options.Output, options.Format == "json" ? PlanContract.Write(plan) : PlanTableFormatter.Table(plan), log);
            return ExitCodes.Success;
        }));
        return command;
    }
}
