using System.Net;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Audit;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Flows;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.RuleWords;
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

        var plans = Planning.HostPlans(inputs).ToDictionary(h => h.Host, StringComparer.Ordinal);
        var evaluators = new Dictionary<string, FirewallEvaluator>(StringComparer.Ordinal);
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
                evaluators[peer.Name] = FirewallEvaluator.Of(plans[peer.Name].Plan.Rules);
                rulesFrom[peer.Name] = "plan";
            }
        }

        var firewallProfiles = new[] { NetworkProfiles.Domain, NetworkProfiles.Private, NetworkProfiles.Public }.Where(p => profile.NetworkProfiles.HasFlag(p)).ToList();
        var results = new List<FlowResult>();
        foreach (var (entry, reach, port) in Needed(catalog, profile))
        {
            foreach (var destination in profile.Peers.Where(p => entry.IsServedBy(p.Roles)))
            {
                foreach (var source in profile.Peers.Where(p => p.Name != destination.Name && Sends(reach.From, p)))
                {
                    foreach (var firewallProfile in firewallProfiles)
                    {
                        results.Add(Check(evaluators[destination.Name], entry, reach, port, source, destination, firewallProfile));
                    }
                }
            }
        }

        return new FlowReport(profile.Name, [.. profile.Peers.Select(p => p.Name)], rulesFrom, results);
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

    private static FlowResult Check(FirewallEvaluator evaluator, CatalogEntry entry, Reach reach, int port, Peer source, Peer destination, NetworkProfiles firewallProfile)
    {
        // Each range of the source's addresses is asked about at its first address: a server's entry is one address.
        var verdicts = source.Addresses.Ranges
            .Select(r => AddressRange.ToAddress(r.Family, r.Start))
            .Where(a => !IPAddress.IsLoopback(a))
            .Select(a => (Address: a, Verdict: evaluator.Evaluate(new ConnectionQuery(a, port, entry.Protocol), firewallProfile)))
            .ToList();
        var (address, verdict) = verdicts.FirstOrDefault(v => !v.Verdict.IsAllowed, verdicts[0]);
        return new FlowResult(entry.Id, reach.Flow, entry.Protocol, port, source.Name, destination.Name, firewallProfile, address.ToString(), verdict.Outcome, verdict.Reason);
    }
}
