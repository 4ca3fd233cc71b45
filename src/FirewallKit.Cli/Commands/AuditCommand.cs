using System.CommandLine;
using System.Runtime.InteropServices;
using FirewallKit.Cli.Views;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Audit;
using FirewallKit.Core.Operations;
using FirewallKit.Core.RuleWords;
using Serilog;

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
        var hostName = GlobalOptions.Host();
        var firewallProfile = new Option<string?>("--firewall-profile")
        {
            Description = "Domain, Private or Public. Without it all three are audited.",
        };
        Choices.AcceptOnly(firewallProfile, RuleTerms.NetworkProfileNames);
        var format = GlobalOptions.Format("table (the default) or text, the same for people, or json (the fwkit.audit/1 contract).");
        var output = GlobalOptions.Output();

        var command = new Command("audit", "Say who can reach each of the product's ports now, by every inbound rule on the machine, and compare with the plan.")
        {
            profile, rules, catalog, hostName, firewallProfile, format, output,
        };
        command.SetAction(parse => host.Run(parse, log =>
        {
            var rulesPath = parse.GetValue(rules);
            var live = rulesPath is null ? host.LiveAudit : null;
            if (rulesPath is null && live is null)
            {
                const string where = "on this system (it needs Windows)";
                log.Error("Reading this machine's firewall is not available {Where}: save a dump and pass it with --rules (docs/audit.md gives the netsh command and the PowerShell one-liner)", where);
                return Unavailable(host, $"reading this machine's firewall is not available {where}: save a dump and pass it with --rules", parse.GetValue(format), parse.GetValue(output), log);
            }

            var only = ConnectionQueries.Profile(parse.GetValue(firewallProfile));
            AuditReport report;
            try
            {
                report = AuditRunner.Run(new AuditRequest(live?.Rules ?? new RuleDump(rulesPath!), parse.GetValue(profile), parse.GetValue(catalog), live?.Listeners, only, parse.GetValue(hostName)));
            }
            catch (Exception ex) when (live is not null && ex is FirewallStoreException or ExternalException)
            {
                log.Error("Could not read this machine's firewall: {Problem}; check that the Windows Defender Firewall service (MpsSvc) is running, or save a dump and pass it with --rules", ex.Message);
                return Unavailable(host, "could not read this machine's firewall: " + ex.Message, parse.GetValue(format), parse.GetValue(output), log);
            }

            log.Debug("Audited {PortCount} ports against {RuleCount} rules of {Source}", report.Ports.Count, report.RuleCount, report.RulesSource);
            host.Write(parse.GetValue(output), parse.GetValue(format) == OutputFormat.Json ? AuditJsonWriter.Write(report) : AuditTableView.Render(report), log);
            return report.Verdict == AuditVerdict.Differs ? ExitCodes.Drift : ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Exit 3: the firewall could not be read; with --format json the fwkit.result summary says why.</summary>
    private static int Unavailable(CliHost host, string problem, OutputFormat format, string? output, ILogger log)
    {
        if (format == OutputFormat.Json)
        {
            host.Write(output, ResultFormatter.FailureJson("audit", ExitCodes.Environment, [], [problem]), log);
        }

        return ExitCodes.Environment;
    }
}
