using System.Text;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Cli.Views;

/// <summary>The plan as text for a person: the port decisions, the rules, then the warnings.</summary>
public static class PlanTableFormatter
{
    private const int AllowedWidth = 44;

    /// <summary>The narrowest a wrapped warning gets, however narrow the terminal.</summary>
    private const int MinWrapWidth = 40;

    /// <param name="width">The terminal's columns: the ports table wraps its reason and allowed-from columns, and the warnings, to fit. Null (redirected output) keeps every row on one line.</param>
    /// <param name="hosts">Each server's plan, when the servers run different roles: shown as a host × port matrix.</param>
    public static string Table(RulePlan plan, int? width = null, IReadOnlyList<HostPlan>? hosts = null)
    {
        var text = new StringBuilder();
        var source = plan.Source;
        var forHost = source.Host is { } name ? $" · host '{PrintableText.Escape(name)}'" : string.Empty;
        text.AppendLine($"{PrintableText.Escape(source.Product)} {source.ProductVersion.ToString(3)} · profile '{PrintableText.Escape(source.ProfileName)}'{forHost} · {CatalogTerms.TopologyProse(source.Topology)} · {ProfileTerms.EnforcementProse(source.Enforcement)}");
        text.AppendLine($"Rule group '{PrintableText.Escape(source.RuleGroup)}' · {plan.Rules.Count} rules · plan {plan.Hash[..19]}");
        text.AppendLine();

        text.AppendLine("Ports: who may reach each one, and why");
        var portRows = plan.Ports.Select(p => new[]
        {
            p.PortText,
            p.Protocol is { } protocol ? RuleTerms.Protocol(protocol) : "any",
            PlanTerms.Decision(p.Decision),
            AllowedText(p),
            p.Reason,
        }).ToList();
        TextTable.Append(text, ["PORT", "PROTO", "DECISION", "ALLOWED FROM", "REASON"], portRows, width, flexibleColumn: 3);
        text.AppendLine();
        if (hosts is { Count: > 0 })
        {
            AppendHostMatrix(text, plan, hosts, width);
            text.AppendLine();
        }

        text.AppendLine("Rules (inbound, in plan order)");
        var ruleRows = plan.Rules.Select(r => new[]
        {
            r.Name,
            RuleTerms.Action(r.Action),
            RuleTerms.Protocol(r.Protocol),
            string.Join(",", r.LocalPorts.ToTokens()),
            Shorten(r.RemoteAddresses.ToTokens()),
        }).ToList();
        TextTable.Append(text, ["NAME", "ACTION", "PROTO", "PORTS", "REMOTE ADDRESSES"], ruleRows, width);

        if (plan.ResolvedAtApply.Count > 0)
        {
            text.AppendLine();
            AppendWrapped(text, $"Resolved at apply: LocalSubnet in {string.Join(", ", plan.ResolvedAtApply)}. `fwkit apply` turns it into the subnets of the machine's up interfaces and blocks everyone else; an exported script keeps the keyword.", string.Empty, string.Empty, width);
        }

        if (plan.Warnings.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Warnings");
            foreach (var warning in plan.Warnings)
            {
                AppendWrapped(text, $"[{warning.Code}] {PrintableText.Escape(warning.Message)}", "  ! ", "    ", width);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Which server opens which port: a row per port the deployment opens somewhere, a column per server; "allow" where
    /// the server's plan lets someone in, "block" where it closes the port (another server's role serves it).
    /// </summary>
    private static void AppendHostMatrix(StringBuilder text, RulePlan plan, IReadOnlyList<HostPlan> hosts, int? width)
    {
        text.AppendLine("Hosts: which server opens which port (--host NAME plans one)");
        text.AppendLine("  " + string.Join(", ", hosts.Select(h => $"{PrintableText.Escape(h.Host)}: {(h.Roles.Count == 0 ? "every role" : string.Join(", ", h.Roles))}")));
        static bool Opens(PortDecision p) => p.Decision is Decision.Open or Decision.Restricted;
        var rows = plan.Ports.Where(Opens).Select(port => new[]
        {
            port.PortText,
            port.Protocol is { } protocol ? RuleTerms.Protocol(protocol) : "any",
        }.Concat(hosts.Select(h => h.Plan.Ports.FirstOrDefault(p => p.PortText == port.PortText && p.Protocol == port.Protocol) is { } mine && Opens(mine) ? "allow" : "block")).ToArray()).ToList();
        TextTable.Append(text, ["PORT", "PROTO", .. hosts.Select(h => PrintableText.Escape(h.Host))], rows, width);
    }

    /// <summary>One paragraph: on one line, or on a terminal wrapped to its width under a hanging indent.</summary>
    private static void AppendWrapped(StringBuilder text, string paragraph, string first, string next, int? width)
    {
        var lines = TextTable.Wrap(paragraph, width is { } columns ? Math.Max(MinWrapWidth, columns - 1 - next.Length) : int.MaxValue);
        for (var i = 0; i < lines.Count; i++)
        {
            text.Append(i == 0 ? first : next).AppendLine(lines[i]);
        }
    }

    private static string AllowedText(PortDecision port)
    {
        if (port.Decision is Decision.Closed or Decision.NoRule)
        {
            return "-";
        }

        var parts = port.AllowedFrom
            .GroupBy(a => a.Audience)
            .Select(g => $"{g.Key}: {Shorten(g.SelectMany(a => a.Addresses.ToTokens()).Distinct().ToList())}");
        return string.Join("; ", parts);
    }

    private static string Shorten(IReadOnlyList<string> addresses)
    {
        var joined = string.Join(", ", addresses);
        return joined.Length <= AllowedWidth ? joined : $"{addresses.Count} entries ({addresses[0]}, …)";
    }
}
