using System.CommandLine;
using System.Globalization;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Operations;
using FirewallKit.Core.Ports;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit check</c>: would a connection from this address to this port get through the rules?</summary>
internal static class CheckCommand
{

    public static Command GetCommand(CliHost host)
    {
        var profile = GlobalOptions.Profile(required: false);
        profile.Description = "Check the plan of this deployment profile (JSON).";
        var rules = new Option<string?>("--rules")
        {
            Description = "Check the rules of this JSON file instead: a plan (plan --format json), an export or a backup from apply.",
        };
        var catalog = GlobalOptions.Catalog();
        var hostName = GlobalOptions.Host();
        var from = new Option<string>("--from")
        {
            Description = "The address the connection comes from (IPv4 or IPv6).",
            Required = true,
        };
        var port = new Option<int>("--port")
        {
            Description = "The local port it connects to (1-65535).",
            Required = true,
            // Parsed here, not by the default parser plus a validator: a validator that reads the value
            // of a token that did not parse throws, and the process aborted with a stack trace.
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
                if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && PortRange.Contains(value))
                {
                    return value;
                }

                result.AddError($"{OptionErrors.CommandLine}: --port: '{token}' is not a port number from 1 to 65535. Fix: give the local port the connection goes to, such as --port 443");
                return 0;
            },
        };
        var protocol = new Option<string>("--protocol")
        {
            Description = "tcp or udp.",
            DefaultValueFactory = _ => "tcp",
        };
        Choices.AcceptOnly(protocol, ["tcp", "udp"]);
        var firewallProfile = new Option<string?>("--firewall-profile")
        {
            Description = "domain, private or public. Without it all three are checked, and they are named when their answers differ.",
        };
        Choices.AcceptOnly(firewallProfile, ["domain", "private", "public"]);
        var format = GlobalOptions.Format("text (the default) or table, the same: one line per answer; or json.");
        var output = GlobalOptions.Output();

        var command = new Command("check", "Say whether an inbound connection would be allowed or blocked, and which rule decides it.")
        {
            profile, rules, catalog, hostName, from, port, protocol, firewallProfile, format, output,
        };
        command.Validators.Add(result =>
        {
            var hasProfile = result.GetResult(profile) is not null;
            var hasRules = result.GetResult(rules) is not null;
            if (hasProfile == hasRules)
            {
                result.AddError("Give exactly one of --profile (check the plan of a profile) and --rules (check a rule-set file).");
            }
            else if (hasRules && result.GetResult(catalog) is not null)
            {
                result.AddError("--catalog applies to --profile only: a rule-set file is checked as it is.");
            }
            else if (hasRules && result.GetResult(hostName) is not null)
            {
                result.AddError("--host applies to --profile only: a rule-set file is checked as it is.");
            }
        });
        command.SetAction(parse => host.Run(parse, log =>
        {
            RuleSource source = parse.GetValue(rules) is { } file ? new RuleSource.OfFile(file) : new RuleSource.OfPlan(new PlanRequest(parse.GetValue(profile)!, parse.GetValue(catalog), parse.GetValue(hostName)));
            var query = ConnectionQueries.From(parse.GetRequiredValue(from), parse.GetValue(port), parse.GetRequiredValue(protocol));
            var result = ConnectionCheck.Run(new CheckRequest(source, query, ConnectionQueries.Profile(parse.GetValue(firewallProfile))));
            log.Debug("Checked {Query} against {RuleCount} rules of {Source}", CheckFormatter.QueryText(result.Query), result.RuleCount, result.RuleSource);
            host.Write(parse.GetValue(output), parse.GetValue(format) == OutputFormat.Json ? CheckFormatter.Json(result) : CheckFormatter.Text(result), log);
            return ExitCodes.Success;
        }));
        return command;
    }
}
