using System.Text;
using System.CommandLine;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Flows;
using FirewallKit.Core.Operations;
using FirewallKit.Core.Validation;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit flows</c>: do the deployment's servers reach each other on every port the catalog says they need?</summary>
internal static class FlowsCommand
{
    public static Command GetCommand(CliHost host)
    {
        var profile = GlobalOptions.Profile();
        var catalog = GlobalOptions.Catalog();
        var rules = new Option<string[]>("--rules")
        {
            Description = "HOST=FILE: evaluate HOST's flows against its real rules in FILE (a netsh or PowerShell dump, anything audit --rules reads) instead of its plan; repeat for each host.",
            HelpName = "HOST=FILE",
            AllowMultipleArgumentsPerToken = false,
        };
        var format = GlobalOptions.Format("table (the default) or text, the same for people, or json (the fwkit.flows/1 contract).");
        var output = GlobalOptions.Output();

        var command = new Command("flows", "List every flow the catalog names between the deployment's servers and whether each destination admits it; exit 1 names each blocked one.")
        {
            profile, catalog, rules, format, output,
        };
        command.SetAction(parse => host.Run(parse, log =>
        {
            var report = FlowCheck.Run(new FlowsRequest(new PlanRequest(parse.GetRequiredValue(profile), parse.GetValue(catalog)), RulesByHost(parse.GetValue(rules) ?? [])));
            log.Debug("Checked {FlowCount} flows between {HostCount} hosts", report.Flows.Count, report.Hosts.Count);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                host.Write(parse.GetValue(output), stream => FlowContract.Write(report, stream), log);
            }
            else
            {
                host.Write(parse.GetValue(output), FlowsFormatter.AppendTable(new StringBuilder(), report, parse.GetValue(output) is null ? host.Console.Width : null), log);
            }

            foreach (var blocked in report.Flows.Where(f => !f.Admitted))
            {
                log.Warning("Flow blocked: {Protocol} {Port} from {Source} to {Destination} in {FirewallProfile}, by {DecidedBy}", blocked.Protocol, blocked.Port, blocked.Source, blocked.Destination, blocked.FirewallProfile, blocked.DecidedBy);
            }

            return report.AllAdmitted ? ExitCodes.Success : ExitCodes.Drift;
        }));
        return command;
    }

    private static Dictionary<string, string> RulesByHost(string[] pairs)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == pair.Length - 1)
            {
                throw new InputException(OptionErrors.CommandLine, "--rules", $"'{pair}' is not HOST=FILE", "give the server's name from peers and its dump, such as --rules pon-pas-2=pas2-rules.txt");
            }

            if (!result.TryAdd(pair[..equals], pair[(equals + 1)..]))
            {
                throw new InputException(OptionErrors.CommandLine, "--rules", $"'{pair[..equals]}' is given twice", "give one file per host");
            }
        }

        return result;
    }
}
