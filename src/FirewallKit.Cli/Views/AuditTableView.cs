using System.Globalization;
using System.Text;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Audit;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Plan;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Cli.Views;

/// <summary>
/// <c>fwkit audit</c> for people: one row per port and group of firewall profiles that agree, who can reach it and
/// which rule decides, then the findings in full and the assumptions made.
/// </summary>
internal static class AuditTableView
{
    private const int MaxTokens = 3;

    public static string Render(AuditReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Audit of {PrintableText.Escape(report.RulesSource)} ({report.RulesFormat}, {report.RuleCount} rules)");
        text.Append(report.PlanProfile is null
            ? " · no profile: catalog ports, nothing compared"
            : $" · plan of profile '{PrintableText.Escape(report.PlanProfile)}' ({report.PlanHash?[..19]}), rules for {string.Join(", ", RuleTerms.Profiles(report.PlanFirewallProfiles))}");
        text.AppendLine();
        text.Append("Firewall profiles: ").AppendJoin(" · ", report.NetworkProfiles.Select(State)).AppendLine();
        var differing = report.Ports.Where(p => p.Verdict == AuditVerdict.Differs).ToList();
        text.Append("Verdict: ").Append(report.Verdict switch
        {
            AuditVerdict.Matches => "matches the plan",
            AuditVerdict.Differs => $"differs from the plan at {string.Join(", ", differing.Select(Port))}",
            _ => "not compared (no --profile)",
        }).AppendLine().AppendLine();

        var rows = new List<string[]>();
        foreach (var port in report.Ports)
        {
            foreach (var group in Groups(port))
            {
                rows.Add([
                    port.Port.ToString(CultureInfo.InvariantCulture),
                    Protocol(port.Protocol),
                    Profiles(group),
                    AuditJsonWriter.Verdict(group[0].Verdict),
                    Reachable(group[0].Reach),
                    DecidedBy(group[0].Reach),
                ]);
            }
        }

        TextTable.Append(text, ["PORT", "PROTO", "PROFILES", "VERDICT", "REACHABLE FROM", "DECIDED BY"], rows);
        var findings = report.Ports.SelectMany(p => Groups(p).Where(g => g[0].Findings.Count > 0).Select(g => (Port: p, Group: g))).ToList();
        if (findings.Count > 0)
        {
            text.AppendLine().AppendLine("Findings");
            foreach (var (port, group) in findings)
            {
                foreach (var finding in group[0].Findings)
                {
                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"  ! {Port(port)} in {Profiles(group)}: {AuditJsonWriter.Kebab(finding.Kind.ToString()).Replace('-', ' ')}{(finding.Certain ? string.Empty : " (depends on the machine)")}: {PrintableText.Escape(finding.Message)}");
                }
            }
        }

        if (report.Notes.Count > 0)
        {
            text.AppendLine().AppendLine("Notes");
            foreach (var note in report.Notes)
            {
                text.Append("  - ").AppendLine(PrintableText.Escape(note));
            }
        }

        return text.ToString();
    }

    /// <summary>Profiles of one port whose rows would read the same.</summary>
    private static List<List<ProfileAudit>> Groups(PortAudit port)
    {
        var groups = new List<List<ProfileAudit>>();
        foreach (var audit in port.Profiles)
        {
            var key = Key(audit);
            var group = groups.FirstOrDefault(g => Key(g[0]) == key);
            if (group is null)
            {
                groups.Add([audit]);
            }
            else
            {
                group.Add(audit);
            }
        }

        return groups;

        static string Key(ProfileAudit audit) =>
            $"{audit.Verdict}|{Reachable(audit.Reach)}|{DecidedBy(audit.Reach)}|{string.Join("|", audit.Findings.Select(f => f.Message))}";
    }

    private static string Profiles(List<ProfileAudit> group) => string.Join(", ", group.Select(a => RuleTerms.Profiles(a.Profile)[0]));

    private static string State(ProfileState state)
    {
        var name = RuleTerms.Profiles(state.Profile)[0];
        var text = !state.Enabled ? $"{name} OFF"
            : !state.AllowInboundRules ? $"{name} on, blocks all inbound"
            : $"{name} on, inbound {state.DefaultInboundAction}";
        if (!state.AllowLocalRules)
        {
            text += ", local rules ignored (GPO)";
        }

        return state.Known ? text : text + " (assumed)";
    }

    private static string Port(PortAudit port) => $"{Protocol(port.Protocol)} {port.Port.ToString(CultureInfo.InvariantCulture)}";

    private static string Protocol(TransportProtocol protocol) => RuleTerms.Protocol(protocol);

    private static string Reachable(Reachability reach)
    {
        var text = Tokens(reach.Certain);
        var maybe = reach.Possible.Except(reach.Certain);
        var extras = new List<string>();
        if (!maybe.IsEmpty)
        {
            extras.Add("maybe " + Tokens(maybe));
        }

        extras.AddRange(reach.MayAlsoReach.Select(a => "maybe " + a.Keyword).Distinct());
        extras.AddRange(reach.MayBeKeptOut.Select(a => "unless " + a.Keyword).Distinct());
        return extras.Count == 0 ? text : $"{text} ({string.Join("; ", extras)})";
    }

    private static string Tokens(AddressSet block) => AddressText.Of(block, MaxTokens);

    private static string DecidedBy(Reachability reach)
    {
        var deciding = reach.Effects
            .Where(e => e.Kind is not (RuleEffectKind.Ignored or RuleEffectKind.Overruled or RuleEffectKind.DefaultBlocks)
                || (e.Kind == RuleEffectKind.DefaultBlocks && reach.Effects.All(o => o.Kind is RuleEffectKind.DefaultBlocks or RuleEffectKind.Ignored or RuleEffectKind.Overruled)))
            .Select(e => e.Rule is null ? e.Reason! : $"{e.Rule} {Verb(e.Kind)}")
            .ToList();
        return deciding.Count <= 2 ? string.Join("; ", deciding) : $"{string.Join("; ", deciding.Take(2))}; +{deciding.Count - 2} more";
    }

    private static string Verb(RuleEffectKind kind) => kind switch
    {
        RuleEffectKind.LetsIn => "lets in",
        RuleEffectKind.MayLetIn => "may let in",
        RuleEffectKind.KeepsOut => "keeps out",
        RuleEffectKind.MayKeepOut => "may keep out",
        _ => AuditJsonWriter.Kebab(kind.ToString()),
    };
}
