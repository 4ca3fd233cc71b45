using System.Text;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Engine;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Machine;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.RuleWords;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Engine;

/// <summary>
/// Properties every plan must have, checked on generated profiles (random peers, IPv4 and IPv6,
/// overlapping and adjacent networks, features on and off, versions around the deprecations).
/// The seed is fixed so a failure reproduces; the message carries the profile that broke it.
/// </summary>
public class PlanPropertyTests
{
    private const int Seed = 20260511;
    private const int Cases = 250;

    /// <summary>The PrinterOn cluster ports (catalog role "cluster"), stated here rather than read from the catalog.</summary>
    private static readonly int[] ClusterPorts = [5009, 5200, 5400, 6789];

    /// <summary>Ports reached only from peers: the cluster ports and the Storage Server (PAS peers write previews).</summary>
    private static readonly int[] PeerOnlyPorts = [.. ClusterPorts, 9444];

    private static readonly (string Feature, TransportProtocol Protocol, int Port, string? Configurable)[] FeaturePorts =
    [
        ("http80", TransportProtocol.Tcp, 80, null),
        ("pdg", TransportProtocol.Tcp, 6310, null),
        ("pdg", TransportProtocol.Tcp, 8081, "pdg-ipp-alternate"),
        ("airPrintDiscovery", TransportProtocol.Udp, 5353, null),
        ("webRelease", TransportProtocol.Tcp, 8181, null),
        ("brotherBsi", TransportProtocol.Tcp, 8182, null),
        ("printPreview", TransportProtocol.Tcp, 9444, null),
        ("pdsAlternatePort", TransportProtocol.Tcp, 8080, "pds-alternate"),
        ("ajp", TransportProtocol.Tcp, 8009, null),
        ("pdh", TransportProtocol.Tcp, 0, "pdh"),
    ];

    private static readonly (int Port, string Version)[] Deprecated = [(4999, "3.2.3"), (5000, "3.2.4"), (5009, "5.1.0"), (5400, "5.1.0")];

    // No connection comes from these (loopback is not filtered, nothing connects from "::"), so no probe asks about them.
    private static readonly AddressSet NeverASource = AddressSet.Parse("127.0.0.0/8", "::1", "::");

    [Test]
    public void Generated_profiles_keep_every_intent()
    {
        var generator = new RandomProfiles(Seed);
        var kinds = new HashSet<string>();
        for (var i = 0; i < Cases; i++)
        {
            Check(generator, generator.Next(), i, kinds);
        }

        // Guard against a generator that never produces the interesting cases.
        Assert.That(kinds, Is.SupersetOf(new[] { "cluster", "single", "allowOnly", "clients-literal", "clients-any", "v6-peer", "peer-roles", "deprecated", "pdh" }));
    }

    [Test]
    public void Profiles_with_thousands_of_peers_split_rules_at_1000_addresses()
    {
        var generator = new RandomProfiles(Seed + 1);
        var split = 0;
        for (var i = 0; i < 4; i++)
        {
            var generated = generator.Next(manyPeers: true);
            var plan = Check(generator, generated, i, []);
            split += plan.Rules.Count(r => r.Name.EndsWith("-2", StringComparison.Ordinal));
        }

        Assert.That(split, Is.GreaterThan(0), "no rule was split: the case does not test the cap");
    }

    /// <summary>
    /// Issue 12: every port number the catalog names and every override target has exactly one decision row;
    /// and, evaluated the way Windows does beside a foreign allow-all rule, for TCP and for UDP, each row
    /// holds both ways: nothing outside its allowed set gets in, and everything in it does. Checked on the plan
    /// apply makes for a machine (LocalSubnet resolved from a given interface list), and on the exported plan
    /// for every row that names no keyword. Allow-only profiles promise nothing beside a broad allow rule, so
    /// they are checked without it.
    /// </summary>
    [Test]
    public void Generated_profiles_keep_their_decision_table_beside_a_foreign_allow_all()
    {
        var generator = new RandomProfiles(Seed + 2);
        var machine = MachineSubnets.Of(GivenInterfaces.Office.List()).Subnets;
        var kinds = new HashSet<string>();
        for (var i = 0; i < 120; i++)
        {
            var generated = generator.Next();
            var json = generated.Json.ToJsonString();
            var context = $"case {i} (seed {Seed + 2}): {json}";
            var profile = ProfileLoader.Reader(TestCatalog.PrinterOn).Parse($"generated-{i}.json", Encoding.UTF8.GetBytes(json));
            var exported = RulePlanner.Plan(TestCatalog.PrinterOn, profile);
            var applied = RulePlanner.Plan(TestCatalog.PrinterOn, profile, machine);
            kinds.Add(profile.Enforcement == Enforcement.Strict ? "strict" : "allowOnly");
            if (generated.AdminsOnLocalSubnet)
            {
                kinds.Add(generated.LocalSubnets is null ? "admins-on-local-subnet" : "admins-on-named-local-subnets");
                Assert.That(exported.ResolvedAtApply.Contains("admins"), Is.EqualTo(generated.LocalSubnets is null), context);
            }

            var named = TestCatalog.PrinterOn.Entries.SelectMany(e => e.Ports).Concat(generated.Overrides.Values).Distinct();
            foreach (var port in named)
            {
                var text = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.That(exported.Ports.Count(p => p.PortText == text), Is.EqualTo(1), $"rows for {text}; {context}");
            }

            Assert.That(applied.ResolvedAtApply, Is.Empty, context);
            var around = generated.Peers.SelectMany(p => p.Ranges)
                .Concat(generated.Clients?.Ranges ?? [])
                .Concat(generated.Admins.Ranges)
                .Concat(generated.LoadBalancers.Ranges)
                .Concat(generated.Printers.Ranges)
                .Concat(machine.Ranges)
                .Take(40);
            var probes = generator.Probes(around, random: 12)
                .Select(p => AddressRange.ToAddress(p.Family, p.Value))
                .Where(a => !NeverASource.Contains(a))
                .ToList();
            HoldsBesideAllowAll(applied, profile, probes, skipKeywordRows: false, context);
            HoldsBesideAllowAll(exported, profile, probes, skipKeywordRows: true, context);
        }

        Assert.That(kinds, Is.SupersetOf(new[] { "strict", "allowOnly", "admins-on-local-subnet", "admins-on-named-local-subnets" }));
    }

    private static void HoldsBesideAllowAll(RulePlan plan, DeploymentProfile profile, List<System.Net.IPAddress> probes, bool skipKeywordRows, string context)
    {
        var strict = profile.Enforcement == Enforcement.Strict;
        var evaluator = strict ? ForeignAllowAll.Beside(plan.Rules) : FirewallEvaluator.Of(plan.Rules);
        var firewallProfile = new[] { NetworkProfiles.Domain, NetworkProfiles.Private, NetworkProfiles.Public }.First(p => profile.NetworkProfiles.HasFlag(p));
        foreach (var row in plan.Ports.Where(r => r.Decision != Decision.NoRule))
        {
            if (skipKeywordRows && row.AllowedFrom.Any(a => a.Addresses.HasKeywords))
            {
                continue;
            }

            // The vendor table names no protocol: a closed port is closed to both (PrinterOn lists no number twice by protocol).
            // An allowed port promises only its entry's protocol.
            Assert.That(row.Decision != Decision.Closed || row.Protocol is null, Is.True, $"closed {row.Port} covers TCP and UDP; {context}");
            var allowed = row.Decision == Decision.Open ? AddressSet.Any : AddressSet.Union(row.AllowedFrom.Select(a => a.Addresses));
            var port = int.Parse(row.PortText, System.Globalization.CultureInfo.InvariantCulture);
            TransportProtocol[] protocols = row.Protocol is { } one ? [one] : [TransportProtocol.Tcp, TransportProtocol.Udp];
            foreach (var protocol in protocols)
            {
                foreach (var from in probes)
                {
                    var verdict = evaluator.Evaluate(new ConnectionQuery(from, port, protocol), firewallProfile);
                    Assert.That(
                        verdict.IsAllowed,
                        Is.EqualTo(allowed.Contains(from)),
                        $"{protocol} {port} ({PlanTerms.Decision(row.Decision)}) from {from}: {verdict.Reason}; {(strict ? "beside a foreign allow-all" : "allow-only")}; {context}");
                }
            }
        }
    }

    private static RulePlan Check(RandomProfiles generator, RandomProfiles.Generated generated, int index, HashSet<string> kinds)
    {
        var json = generated.Json.ToJsonString();
        var context = $"case {index} (seed {Seed}): {(json.Length > 2000 ? json[..2000] + "…" : json)}";
        var profile = ProfileLoader.Reader(TestCatalog.PrinterOn).Parse($"generated-{index}.json", Encoding.UTF8.GetBytes(json));
        var plan = RulePlanner.Plan(TestCatalog.PrinterOn, profile);
        var evaluator = FirewallEvaluator.Of(plan.Rules);
        Note(generated, kinds);

        // Windows caps each address list at 1000 entries, and an empty list would mean Any.
        foreach (var rule in plan.Rules)
        {
            Assert.That(rule.RemoteAddresses.EntryCount, Is.InRange(1, RulePlanner.MaxAddressesPerRule), $"{rule.Name}; {context}");
            Assert.That(rule.RemoteAddresses.IsEmpty, Is.False, $"{rule.Name}; {context}");
            Assert.That(rule.LocalPorts.ToTokens(), Is.Not.Empty, $"{rule.Name}; {context}");
        }

        var peers = AddressSet.FromRanges(generated.Peers.SelectMany(p => p.Ranges));
        var pasPeers = generated.Peers.Where(p => p.Roles.Count == 0 || p.Roles.Contains("pas")).SelectMany(p => p.Ranges).ToList();
        var everything = generated.Peers.SelectMany(p => p.Ranges)
            .Concat(generated.Clients?.Ranges ?? [])
            .Concat(generated.Admins.Ranges)
            .Concat(generated.LoadBalancers.Ranges)
            .Concat(generated.Printers.Ranges)
            .Take(400)
            .ToList();
        var probes = generator.Probes(everything, random: 40)
            .Select(p => AddressRange.ToAddress(p.Family, p.Value))
            .Where(a => !NeverASource.Contains(a))
            .ToList();
        var clientProbes = generated.Clients is { } clients ? probes.Where(clients.Contains).ToList() : probes;
        var version = Version.Parse(generated.Version);

        foreach (var firewallProfile in new[] { NetworkProfiles.Domain, NetworkProfiles.Private, NetworkProfiles.Public })
        {
            bool Allowed(System.Net.IPAddress from, int port, TransportProtocol protocol = TransportProtocol.Tcp) =>
                evaluator.Evaluate(new ConnectionQuery(from, port, protocol), firewallProfile).IsAllowed;

            var where = $"{firewallProfile}; {context}";
            if (!profile.NetworkProfiles.HasFlag(firewallProfile))
            {
                // Rules apply to the listed profiles only: elsewhere the default block holds.
                Assert.That(probes.Where(p => Allowed(p, 443)), Is.Empty, where);
                continue;
            }

            // No cluster (or peer-only) port is ever reachable from a non-peer.
            foreach (var from in probes.Where(p => !peers.Contains(p)))
            {
                foreach (var port in PeerOnlyPorts)
                {
                    Assert.That(Allowed(from, port), Is.False, $"TCP {port} from non-peer {from}; {where}");
                }
            }

            // And the PAS peers do reach the PrintAnywhere ports of a cluster.
            if (generated.Cluster)
            {
                foreach (var range in pasPeers.Take(50))
                {
                    var from = AddressRange.ToAddress(range.Family, range.Start);
                    Assert.That(Allowed(from, 5200) && Allowed(from, 6789), Is.True, $"PAS peer {from} on 5200/6789; {where}");
                }
            }

            // No disabled feature's port is reachable from anywhere.
            foreach (var (feature, protocol, defaultPort, configurable) in FeaturePorts.Where(f => !generated.Features[f.Feature]))
            {
                var port = configurable is not null && generated.Overrides.TryGetValue(configurable, out var moved) ? moved : defaultPort;
                if (port == 0)
                {
                    continue;
                }

                Assert.That(probes.Where(p => Allowed(p, port, protocol)), Is.Empty, $"{protocol} {port} with {feature} off; {where}");
            }

            // Deprecated ports are blocked from their deprecation version on.
            foreach (var (port, deprecatedIn) in Deprecated.Where(d => version >= Version.Parse(d.Version)))
            {
                Assert.That(probes.Where(p => Allowed(p, port)), Is.Empty, $"TCP {port} at {generated.Version}; {where}");
            }

            // No required client port is blocked for a client: CPS always, the PDS for PrintWhere without a hub.
            // A port of a role no server runs is closed (issue 19): when every server names its roles, only theirs open.
            var clientPorts = (generated.Features["printWhere"] && !generated.Features["pdh"] ? new[] { 443, 631 } : [443])
                .Where(port => RoleRun(generated, port == 443 ? "cps" : "pds"))
                .ToArray();
            foreach (var from in clientProbes)
            {
                foreach (var port in clientPorts)
                {
                    Assert.That(Allowed(from, port), Is.True, $"TCP {port} from client {from}; {where}");
                }
            }

            // Configuration Manager: the admin set and the peers, nobody else.
            foreach (var from in probes.Where(p => !generated.Admins.Contains(p) && !peers.Contains(p)))
            {
                Assert.That(Allowed(from, 8057), Is.False, $"TCP 8057 from {from}; {where}");
            }

            // Local IPC ports are closed to the network.
            foreach (var port in new[] { 10051, 48300, 49300, 50300 })
            {
                Assert.That(probes.Where(p => Allowed(p, port)), Is.Empty, $"TCP {port}; {where}");
            }
        }

        return plan;
    }

    /// <summary>Whether a server of the deployment runs the role: any does when one names no roles.</summary>
    private static bool RoleRun(RandomProfiles.Generated generated, string role) =>
        generated.Peers.Count == 0 || generated.Peers.Any(p => p.Roles.Count == 0 || p.Roles.Contains(role));

    private static void Note(RandomProfiles.Generated generated, HashSet<string> kinds)
    {
        kinds.Add(generated.Cluster ? "cluster" : "single");
        kinds.Add(generated.Json["enforcement"]?.GetValue<string>() ?? "strict");
        kinds.Add(generated.Clients is null ? "clients-any" : "clients-literal");
        if (generated.Peers.Any(p => p.Ranges.Any(r => r.Family == IpFamily.V6)))
        {
            kinds.Add("v6-peer");
        }

        if (generated.Peers.Any(p => p.Roles.Count > 0))
        {
            kinds.Add("peer-roles");
        }

        if (Version.Parse(generated.Version) < new Version(5, 1, 0))
        {
            kinds.Add("deprecated");
        }

        if (generated.Features["pdh"])
        {
            kinds.Add("pdh");
        }
    }
}
