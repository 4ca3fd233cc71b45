using FirewallKit.Core.Audit;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Operations;

/// <summary><c>fwkit audit</c>'s one call: read the firewall, list the ports to audit, evaluate each per profile, compare with the plan.</summary>
public static class AuditRunner
{
    /// <summary>Decision rows wider than this (the "above 10000" no-rule row) are not expanded port by port.</summary>
    private const int MaxPortsPerRow = 256;

    private static readonly NetworkProfiles[] EachProfile = [NetworkProfiles.Domain, NetworkProfiles.Private, NetworkProfiles.Public];

    public static AuditReport Run(AuditRequest request)
    {
        var firewall = request.Rules.Read();
        var plan = request.Plan is { } planRequest ? Planning.Load(planRequest).Plan : null;
        var targets = plan is not null ? FromPlan(plan) : FromCatalog(CatalogLoader.LoadOrEmbedded(request.CatalogPath));
        AddListeners(targets, request.Listeners?.Listeners() ?? []);

        var planProfiles = plan is null ? NetworkProfiles.None : plan.Rules.Aggregate(NetworkProfiles.None, (all, rule) => all | rule.Profiles);
        var profiles = request.Only is { } only ? [only] : EachProfile;
        var evaluator = new FirewallEvaluator(firewall.Rules, firewall.Profiles);
        var auditTargets = targets.Select(t => new AuditTarget(t.Port, t.Protocol, t.Listener)).ToList();
        var reaches = evaluator.Evaluate(auditTargets, profiles);
        var ports = new List<PortAudit>();
        for (var t = 0; t < targets.Count; t++)
        {
            var target = targets[t];
            var audits = new List<ProfileAudit>();
            for (var p = 0; p < profiles.Length; p++)
            {
                var profile = profiles[p];
                var reach = reaches[p][t];
                if (target.Intended is null)
                {
                    audits.Add(new ProfileAudit(profile, reach, AuditVerdict.NotCompared, []));
                    continue;
                }

                // The plan opens nothing in a firewall profile it writes no rules for: there every port is meant closed.
                var intent = (planProfiles & profile) == 0 ? IntendedReach.Closed : target.Intended;
                var findings = IntentComparer.Compare(reach, intent);
                audits.Add(new ProfileAudit(profile, reach, findings.Count == 0 ? AuditVerdict.Matches : AuditVerdict.Differs, findings));
            }

            ports.Add(new PortAudit(target.Port, target.Protocol, target.Origin, target.Entries, target.Intended, target.Listener, audits));
        }

        var notes = new List<string>(firewall.Notes);
        if (plan is not null && planProfiles != NetworkProfiles.All && profiles.Any(p => (planProfiles & p) == 0))
        {
            notes.Add($"the plan writes rules for the {string.Join(", ", RuleTerms.Profiles(planProfiles))} profile(s) only; it opens nothing in the others, so every port is compared as closed there");
        }

        if (ports.Any(p => p.Profiles.Any(a => a.Reach.MayAlsoReach.Count > 0 || a.Reach.MayBeKeptOut.Count > 0)))
        {
            notes.Add("address keywords (LocalSubnet, DNS, Internet, ...) are resolved by the machine at run time: the audit reports which addresses they may let in or keep out, and never guesses which they do");
        }

        if (request.Listeners is null)
        {
            notes.Add("listening sockets were not read (the dump may come from another machine), so only the catalog's ports are audited and program-scoped rules are reported as conditional");
        }

        return new AuditReport(
            firewall.Source, firewall.Format, firewall.Rules.Count, firewall.Profiles,
            plan?.Source.ProfileName, plan?.Hash, planProfiles, ports, notes);
    }

    private static List<Target> FromPlan(RulePlan plan)
    {
        var targets = new List<Target>();
        foreach (var row in plan.Ports.Where(r => r.Decision != Decision.NoRule))
        {
            var ports = row.Port;
            if (ports.IsAny || Count(ports) > MaxPortsPerRow)
            {
                continue;
            }

            foreach (var protocol in row.Protocol is { } one ? [one] : new[] { TransportProtocol.Tcp, TransportProtocol.Udp })
            {
                targets.AddRange(Numbers(ports).Select(port => new Target(port, protocol, "plan", row.Entries, IntendedReach.Of(row))));
            }
        }

        return targets;
    }

    private static int Count(PortSet ports) => ports.Numbers.Intervals.Sum(r => r.End - r.Start + 1);

    private static IEnumerable<int> Numbers(PortSet ports) =>
        ports.Numbers.Intervals.SelectMany(r => Enumerable.Range(r.Start, r.End - r.Start + 1));

    private static List<Target> FromCatalog(PortCatalog catalog) =>
        [.. catalog.Entries
            .SelectMany(e => e.Ports.Select(p => (Port: p, e.Protocol, e.Id)))
            .GroupBy(x => (x.Port, x.Protocol))
            .OrderBy(g => g.Key.Port).ThenBy(g => g.Key.Protocol)
            .Select(g => new Target(g.Key.Port, g.Key.Protocol, "catalog", [.. g.Select(x => x.Id)], null))];

    private static void AddListeners(List<Target> targets, IReadOnlyList<Listener> listeners)
    {
        foreach (var listener in listeners.OrderBy(l => l.Port).ThenBy(l => l.Protocol))
        {
            var index = targets.FindIndex(t => t.Port == listener.Port && t.Protocol == listener.Protocol);
            if (index >= 0)
            {
                targets[index] = targets[index] with { Listener = targets[index].Listener ?? listener };
            }
            else
            {
                targets.Add(new Target(listener.Port, listener.Protocol, "listener", [], null, listener));
            }
        }
    }

    private sealed record Target(int Port, TransportProtocol Protocol, string Origin, IReadOnlyList<string> Entries, IntendedReach? Intended, Listener? Listener = null);
}
