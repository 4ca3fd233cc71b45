using System.Text;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Engine;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Ports;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.RuleWords;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Engine;

/// <summary>
/// Per-host plans over generated multi-role profiles, beside another product's allow-all: a port only roles the host
/// does not run serve is reached by nobody, over TCP or UDP; a port of its own roles keeps the deployment's audience.
/// </summary>
public class PerHostPlanPropertyTests
{
    private const int Seed = 20261119;

    /// <summary>Which role serves which fixed port (stated here, not read from the catalog); configurable ports aside.</summary>
    private static readonly Dictionary<string, int[]> PortsOf = new()
    {
        ["cps"] = [80, 443, 8009, 9444],
        ["pas"] = [5009, 5200, 5400, 6789],
        ["pds"] = [631, 4999, 8181, 8182],
        ["pdg"] = [5000, 5353, 6310],
    };

    private static List<Core.Addresses.AddressSet> Allowed(Core.Plan.RulePlan plan, int port) =>
        [.. plan.Ports.Where(p => p.Port.Equals(Core.Ports.PortSet.Of(port))).Select(p => p.Allowed)];

    [Test]
    public void A_host_opens_only_the_ports_of_its_roles_beside_a_foreign_allow_all()
    {
        var generator = new RandomProfiles(Seed);
        var checkedHosts = 0;
        for (var i = 0; i < 150; i++)
        {
            var generated = generator.Next();
            var json = generated.Json.ToJsonString();
            var profile = ProfileLoader.Reader(TestCatalog.PrinterOn).Parse($"generated-{i}.json", Encoding.UTF8.GetBytes(json));
            var deployment = RulePlanner.Plan(TestCatalog.PrinterOn, profile);
            // Beside the allow-all the plan's rules decide only in the firewall profiles it writes rules for.
            var firewallProfile = new[] { NetworkProfiles.Domain, NetworkProfiles.Private, NetworkProfiles.Public }.First(p => profile.NetworkProfiles.HasFlag(p));
            foreach (var host in profile.Peers.Where(p => p.Roles.Count > 0))
            {
                checkedHosts++;
                var plan = RulePlanner.Plan(TestCatalog.PrinterOn, profile, host: host);
                var sources = profile.Peers.SelectMany(p => p.Addresses.Ranges.Take(1)).Select(r => r.ToString().Split('/', '-')[0]).Append("10.20.0.1").ToList();
                foreach (var (role, ports) in PortsOf)
                {
                    foreach (var port in ports)
                    {
                        var context = $"case {i}, host {host.Name} ({string.Join(",", host.Roles)}), port {port}: {json}";
                        if (!host.Roles.Contains(role))
                        {
                            foreach (var protocol in new[] { TransportProtocol.Tcp, TransportProtocol.Udp })
                            {
                                Assert.That(sources.Where(s => plan.ReachesBesideAllowAll(port, s, protocol, firewallProfile)), Is.Empty, $"{protocol} {context}");
                            }
                        }
                        else
                        {
                            Assert.That(Allowed(plan, port), Is.EqualTo(Allowed(deployment, port)), context);
                        }
                    }
                }
            }
        }

        Assert.That(checkedHosts, Is.GreaterThan(20), "the generator made too few servers with roles");
    }
}
