using System.CommandLine;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Audit;
using FirewallKit.Core.Vocabulary;

namespace FirewallKit.Cli.Commands;

/// <summary><c>fwkit audit</c>: who can reach each of the product's ports now, by every rule on the machine, compared with the plan.</summary>
internal static class AuditCommand
{
    public static Command GetCommand(CliHost host)
    {
        var profile = GlobalOptions.Profile(required: false);
        profile.Description = "Compare with the plan of this deployment profile (JSON); without it the catalog's ports are audited and nothing is compared.";
        var rules = new Option<string?>("--rules")
        {
            Description = "Audit a saved rule set instead of this machine: the text of `netsh advfirewall firewall show rule name=all dir=in verbose`, or the PowerShell JSON dump (docs/audit.md).",
        };
        var catalog = GlobalOptions.Catalog();
        var firewallProfile = new Option<string?>("--firewall-profile")
        {
            Description = "Domain, Private or Public. Without it all three are audited.",
        };
        firewallProfile.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !Terms.TryProfile(value, out _))
            {
                result.AddError($"--firewall-profile must be Domain, Private or Public, not '{value}'.");
            }
        });
        var format = GlobalOptions.Format("table (the default) or text, the same for people, or json (the fwkit.audit/1 contract).");
        var output = GlobalOptions.Output();

        var command = new Command("audit", "Say who can reach each of the product's ports now, by every inbound rule on the machine, and compare with the plan.")
        {
            profile, rules, catalog, firewallProfile, format, output,
        };
        command.SetAction(parse => host.Run(parse, log =>
        {
            var rulesPath = parse.GetValue(rules);
            if (rulesPath is null)
            {
                var where = OperatingSystem.IsWindows() ? "in this build yet" : "on this system (it needs Windows)";
                log.Error("Reading this machine's firewall is not available {Where}: save a dump and pass it with --rules (docs/audit.md gives the netsh command and the PowerShell one-liner)", where);
                if (parse.GetValue(format) == OutputFormat.Json)
                {
                    var problem = $"reading this machine's firewall is not available {where}: save a dump and pass it with --rules";
                    host.Write(parse.GetValue(output), ResultFormatter.FailureJson("audit", ExitCodes.Environment, [], [problem]), log);
                }

                return ExitCodes.Environment;
            }

            var only = ConnectionQueries.Profile(parse.GetValue(firewallProfile));
            var report = AuditRunner.Run(new AuditRequest(new RuleDump(rulesPath), parse.GetValue(profile), parse.GetValue(catalog), Listeners: null, only));
            log.Debug("Audited {PortCount} ports against {RuleCount} rules of {Source}", report.Ports.Count, report.RuleCount, report.RulesSource);
            host.Write(parse.GetValue(output), parse.GetValue(format) == OutputFormat.Json ? AuditJsonWriter.Write(report) : AuditTableView.Render(report), log);
            return report.Verdict == AuditVerdict.Differs ? ExitCodes.Drift : ExitCodes.Success;
        }));
        return command;
    }
}
