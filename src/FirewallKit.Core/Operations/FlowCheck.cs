using System.Net;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Audit;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Flows;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Core.Sets;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Operations;

/// <summary>
/// <c>fwkit flows</c>: for every flow the catalog names between roles (a <c>reachedBy</c> from <c>peers</c> or
/// <c>peers:ROLE</c>), every pair of servers that runs it (source with the role, destination with a role that serves
/// the port, never a server to itself), each firewall profile the profile writes rules for: does the destination's
/// plan, or its real rules, admit it? The one evaluator answers (<see cref="FirewallEvaluator"/>).
/// </summary>
public static class FlowCheck
{
    public static FlowReport Run(FlowsRequest request)
    {
        var inputs = Planning.Load(request.Plan with { Host = null });
        var (catalog, profile) = (inputs.Catalog, inputs.Profile);
        if (profile.Peers.Count < 2)
        {
            throw new InputException(profile.Source, "$.peers", "flows run between the servers of a deployment, and the profile lists fewer than two", "list every server of the deployment in peers, this one included, with the roles each runs");
        }

        foreach (var host in request.RulesByHost.Keys.Where(h => profile.Peers.All(p => p.Name != h)))
        {
            throw new InputException("command line", "--rules", $"'{host}' is not a server of the deployment", $"give HOST=FILE with HOST one of: {string.Join(", ", profile.Peers.Select(p => p.Name))}");
        }

        var planned = Planning.HostRules(inputs);
        var evaluators = new Dictionary<string, FirewallEvaluator>(StringComparer.Ordinal);
        var shared = new Dictionary<ValueList<FirewallRule>, FirewallEvaluator>(ReferenceEqualityComparer.Instance);
        var rulesFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var peer in profile.Peers)
        {
            if (request.RulesByHost.TryGetValue(peer.Name, out var file))
            {
                var observed = new RuleDump(file).Read();
                evaluators[peer.Name] = new FirewallEvaluator(observed.Rules, observed.Profiles);
                rulesFrom[peer.Name] = file;
            }
            else
            {
                // Servers with the same roles have the same rules (Planning.HostRules) and share one evaluator, so each of
                // their ports is answered once for all of them.
                var rules = planned[peer.Name];
                if (!shared.TryGetValue(rules, out var evaluator))
                {
                    shared[rules] = evaluator = FirewallEvaluator.Of(rules);
                }

                evaluators[peer.Name] = evaluator;
                rulesFrom[peer.Name] = "plan";
            }
        }

        var firewallProfiles = new[] { NetworkProfiles.Domain, NetworkProfiles.Private, NetworkProfiles.Public }.Where(p => profile.NetworkProfiles.HasFlag(p)).ToList();
        var sourceAddresses = profile.Peers.ToDictionary(p => p.Name, SourceAddresses, StringComparer.Ordinal);
        var answers = new Dictionary<(FirewallEvaluator, int, TransportProtocol, NetworkProfiles), PortAnswer>();
        // By the sender's name: a peer's own hash walks all its addresses.
        var verdicts = new Dictionary<(PortAnswer, string), (string Address, ConnectionVerdict Verdict)>();
        var results = new List<FlowResult>();
        foreach (var (entry, reach, port) in Needed(catalog, profile))
        {
            var senders = profile.Peers.Where(p => Sends(reach.From, p)).ToList();
            foreach (var destination in profile.Peers.Where(p => entry.IsServedBy(p.Roles)))
            {
                // Every sender asks the destination the same question: its rules are evaluated once per port and profile.
                var destinationAnswers = firewallProfiles.Select(p => Answer(evaluators[destination.Name], port, entry.Protocol, p)).ToList();
                foreach (var source in senders.Where(p => p.Name != destination.Name))
                {
                    foreach (var answer in destinationAnswers)
                    {
                        if (!verdicts.TryGetValue((answer, source.Name), out var verdict))
                        {
                            verdicts[(answer, source.Name)] = verdict = Check(answer, sourceAddresses[source.Name]);
                        }

                        results.Add(new FlowResult(entry.Id, reach.Flow, entry.Protocol, port, source.Name, destination.Name, answer.Profile, verdict.Address, verdict.Verdict.Outcome, verdict.Verdict.Reason));
                    }
                }
            }
        }

        return new FlowReport(profile.Name, [.. profile.Peers.Select(p => p.Name)], rulesFrom, results);

        PortAnswer Answer(FirewallEvaluator evaluator, int port, TransportProtocol protocol, NetworkProfiles firewallProfile)
        {
            if (!answers.TryGetValue((evaluator, port, protocol, firewallProfile), out var answer))
            {
                answers[(evaluator, port, protocol, firewallProfile)] = answer = evaluator.ForPort(port, protocol, firewallProfile);
            }

            return answer;
        }
    }

    /// <summary>The flows between servers this deployment needs: active entries (not deprecated, feature on), their port (moved or not), the reaches whose condition holds.</summary>
    private static IEnumerable<(CatalogEntry Entry, Reach Reach, int Port)> Needed(PortCatalog catalog, DeploymentProfile profile) =>
        from entry in catalog.Entries
        where !entry.IsDeprecatedAt(profile.ProductVersion) && (entry.Feature is null || profile.IsOn(entry.Feature))
        from port in profile.PortOverrides.TryGetValue(entry.Id, out var moved) ? [moved] : entry.Ports
        from reach in entry.ReachedBy
        where (reach.From == Audience.Peers || reach.From.StartsWith(Audience.PeerRolePrefix, StringComparison.Ordinal)) && reach.When.Holds(profile.Topology, profile.IsOn)
        orderby port
        select (entry, reach, port);

    private static bool Sends(string from, Peer peer) =>
        from == Audience.Peers || peer.HasRole(from[Audience.PeerRolePrefix.Length..]);

    /// <summary>Each range of a server's addresses is asked about at its first address: a server's entry is one address.</summary>
    private static List<(IPAddress Address, string Text)> SourceAddresses(Peer peer) =>
        [.. peer.Addresses.Ranges.Select(r => AddressRange.ToAddress(r.Family, r.Start)).Where(a => !IPAddress.IsLoopback(a)).Select(a => (a, a.ToString()))];

    /// <summary>The first of the source's addresses the destination does not admit, or its first address when it admits them all.</summary>
    private static (string Address, ConnectionVerdict Verdict) Check(PortAnswer answer, List<(IPAddress Address, string Text)> addresses)
    {
        var verdicts = addresses.Select(a => (a.Text, Verdict: answer.For(a.Address))).ToList();
        return verdicts.FirstOrDefault(v => !v.Verdict.IsAllowed, verdicts[0]);
    }
}
