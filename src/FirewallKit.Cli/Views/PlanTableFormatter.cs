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

    /// <param name="width">The terminal's columns: the ports table wraps its reason column to fit. Null (redirected output) keeps every row on one line.</param>
    public static string Table(RulePlan plan, int? width = null)
    {
        var text = new StringBuilder();
        var source = plan.Source;
        text.AppendLine($"{PrintableText.Escape(source.Product)} {source.ProductVersion.ToString(3)} · profile '{PrintableText.Escape(source.ProfileName)}' · {CatalogTerms.TopologyProse(source.Topology)} · {ProfileTerms.EnforcementProse(source.Enforcement)}");
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
        TextTable.Append(text, ["PORT", "PROTO", "DECISION", "ALLOWED FROM", "REASON"], portRows, width);
        text.AppendLine();

        text.AppendLine("Rules (inbound, in plan order)");
        var ruleRows = plan.Rules.Select(r => new[]
        {
            r.Name,
            RuleTerms.Action(r.Action),
            RuleTerms.Protocol(r.Protocol),
            string.Join(",", r.LocalPorts.ToTokens()),
            Shorten(r.RemoteAddresses.ToTokens()),
        }).ToList();
        TextTable.Append(text, ["NAME", "ACTION", "PROTO", "PORTS", "REMOTE ADDRESSES"], ruleRows);

        if (plan.ResolvedAtApply.Count > 0)
        {
            text.AppendLine();
            text.AppendLine($"Resolved at apply: LocalSubnet in {string.Join(", ", plan.ResolvedAtApply)}. `fwkit apply` turns it into the subnets of the machine's up interfaces and blocks everyone else; an exported script keeps the keyword.");
        }

        if (plan.Warnings.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Warnings");
            foreach (var warning in plan.Warnings)
            {
                text.AppendLine($"  ! [{warning.Code}] {PrintableText.Escape(warning.Message)}");
            }
        }

        return text.ToString();
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
