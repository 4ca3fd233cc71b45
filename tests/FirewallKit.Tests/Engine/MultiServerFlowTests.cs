using FirewallKit.Core.Addresses;
using FirewallKit.Core.Engine;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.RuleWords;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Engine;

/// <summary>
/// The flows between PrinterOn servers that the vendor table leaves out (printeron.md): each is
/// open to exactly the hosts that need it, blocked for an outsider on IPv4 and IPv6, and closed
/// to the network on a single server.
/// </summary>
public class MultiServerFlowTests
{
    private const string Cps = "10.20.0.10";
    private const string Pas1 = "10.20.0.21";
    private const string Pas2V6 = "fd00:20::22";
    private const string RemotePds = "10.60.0.5";
    private const string Pdg = "10.60.0.6";
    private const string LoadBalancer = "10.20.0.5";
    private const string Admin = "10.30.0.9";
    private const string Client = "10.99.1.2";
    private const string Outsider = "192.0.2.50";
    private const string OutsiderV6 = "2001:db8::50";

    private static RulePlan MultiServer() =>
        RulePlanner.Plan(TestCatalog.PrinterOn, ProfileLoader.Reader(TestCatalog.PrinterOn).Load(RepoPaths.Profile("multi-server.json")));

    /// <summary>The same deployment built in code, so single flows can be varied.</summary>
    private static ProfileBuilder Deployment() => new ProfileBuilder()
        .Peer("pon-cps", [Cps], "cps")
        .Peer("pon-pas-1", [Pas1], "pas")
        .Peer("pon-pas-2", [Pas2V6], "pas")
        .Peer("pon-pds-branch", [RemotePds], "pds")
        .Peer("pon-pdg", [Pdg], "pdg")
        .Clients("10.0.0.0/8", "fd00::/16")
        .Admins("10.30.0.0/24")
        .LoadBalancers(LoadBalancer)
        .LocalSubnets("10.60.0.0/22")
        .With("printPreview", "ajp", "airPrintDiscovery");

    private static void AssertOnlyThese(RulePlan plan, int port, string[] allowed, string[] blocked, TransportProtocol protocol = TransportProtocol.Tcp)
    {
        Assert.Multiple(() =>
        {
            foreach (var address in allowed)
            {
                Assert.That(plan.Admits(port, address, protocol), Is.True, $"{protocol} {port} from {address} should be allowed");
            }

            foreach (var address in blocked.Concat([Outsider, OutsiderV6]))
            {
                Assert.That(plan.Admits(port, address, protocol), Is.False, $"{protocol} {port} from {address} should be blocked");
            }
        });
    }

    [Test]
    public void Configuration_manager_is_reached_by_admins_and_child_servers()
    {
        AssertOnlyThese(MultiServer(), 8057, [Admin, Cps, Pas1, Pas2V6, RemotePds, Pdg], [Client]);
        Assert.That(MultiServer().Port(8057).Reason, Does.Contain("remote PDS, PDG and PAS servers → parent Configuration Manager"));
    }

    [Test]
    public void Storage_server_is_reached_by_pas_hosts_only_when_print_preview_is_on()
    {
        AssertOnlyThese(MultiServer(), 9444, [Pas1, Pas2V6], [Cps, RemotePds, Client, Admin]);
        AssertOnlyThese(Deployment().Without("printPreview").Plan(), 9444, [], [Pas1, Pas2V6]);
    }

    [Test]
    public void Pds_is_reached_by_pas_hosts_and_printwhere_clients()
    {
        AssertOnlyThese(MultiServer(), 631, [Pas1, Pas2V6, Client], []);
        AssertOnlyThese(Deployment().Clients("10.99.0.0/16").Without("printWhere").Plan(), 631, [Pas1, Pas2V6], [Client, Pdg]);
    }

    [Test]
    public void Cps_is_reached_by_clients_and_the_other_servers()
    {
        AssertOnlyThese(Deployment().Clients("10.99.0.0/16").Plan(), 443, [Client, Cps, Pas1, Pas2V6, RemotePds, Pdg], [Admin]);
    }

    [Test]
    public void Ajp_is_reached_by_the_load_balancer_only()
    {
        AssertOnlyThese(MultiServer(), 8009, [LoadBalancer], [Cps, Pas1, Client, Admin]);
    }

    [Test]
    public void Mdns_discovery_is_reached_from_the_named_subnets_over_udp_only()
    {
        var plan = MultiServer();

        AssertOnlyThese(plan, 5353, [Pdg, "10.60.3.200"], ["10.64.0.1", Client], TransportProtocol.Udp);
        Assert.That(plan.Admits(5353, Pdg, TransportProtocol.Tcp), Is.False);
        Assert.That(plan.Port(5353, TransportProtocol.Udp).Entries, Is.EqualTo(new[] { "pdg-mdns" }));
    }

    [Test]
    public void Mdns_discovery_off_by_default()
    {
        Assert.That(ProfileBuilder.SingleServer().Plan().Port(5353, TransportProtocol.Udp).Decision, Is.EqualTo(Decision.Closed));
    }

    [Test]
    public void Print_delivery_hub_is_the_one_job_port_clients_and_pas_reach()
    {
        var plan = Deployment().Peer("pon-pdh", ["10.20.0.40"], "pdh").Clients("10.99.0.0/16").With("pdh").MovePort("pdh", 7443).Plan();

        AssertOnlyThese(plan, 7443, [Client, Pas1, Pas2V6, RemotePds], [Admin]);
        AssertOnlyThese(plan, 631, [], [Client, Pas1, Pas2V6]);
        Assert.That(plan.Warnings.Single(w => w.Message.StartsWith("pdh: ", StringComparison.Ordinal)).Message, Does.Contain("UNCONFIRMED"));
    }

    [TestCase(8057)]
    [TestCase(9444)]
    [TestCase(631)]
    [TestCase(8009)]
    [TestCase(5200)]
    public void The_same_port_is_closed_to_the_network_on_a_single_server(int port)
    {
        var plan = ProfileBuilder.SingleServer().Without("printWhere").With("printPreview").Plan();

        Assert.That(plan.Port(port).Decision, Is.EqualTo(Decision.Closed), plan.Port(port).Reason);
        foreach (var address in new[] { Pas1, Pas2V6, Admin, Outsider, OutsiderV6 })
        {
            Assert.That(plan.Admits(port, address), Is.False, $"{port} from {address}");
        }
    }

    [Test]
    public void A_509_and_a_512_cluster_differ_exactly_in_who_reaches_5009_and_5400()
    {
        var v509 = Deployment().Version("5.0.9").Plan();
        var v512 = Deployment().Version("5.1.2").Plan();

        var differing = v509.Ports.Zip(v512.Ports)
            .Where(pair => pair.First.Decision != pair.Second.Decision || !WhoReaches(pair.First).Equals(WhoReaches(pair.Second)))
            .Select(pair => pair.First.PortText)
            .ToList();

        Assert.That(differing, Is.EqualTo(new[] { "5009", "5400" }));
        AssertOnlyThese(v509, 5009, [Pas1, Pas2V6], [Cps, RemotePds]);
        AssertOnlyThese(v509, 5400, [Pas1, Pas2V6], [Cps, RemotePds]);
        AssertOnlyThese(v512, 5009, [], [Pas1, Pas2V6]);
        AssertOnlyThese(v512, 5400, [], [Pas1, Pas2V6]);
    }

    private static Core.Addresses.AddressSet WhoReaches(PortDecision port) =>
        Core.Addresses.AddressSet.Union(port.AllowedFrom.Select(a => a.Addresses));

    [Test]
    public void Port_5200_stays_open_to_pas_servers_in_both_versions_for_different_reasons()
    {
        var v509 = Deployment().Version("5.0.9").Plan();
        var v512 = Deployment().Version("5.1.2").Plan();

        AssertOnlyThese(v509, 5200, [Pas1, Pas2V6], [Cps, RemotePds]);
        AssertOnlyThese(v512, 5200, [Pas1, Pas2V6], [Cps, RemotePds]);
        Assert.That(v509.Port(5200).Reason, Does.Contain("job dispatch, before 5.1.0").And.Contain("PrintAnywhere server"));
        Assert.That(v512.Port(5200).Reason, Does.Not.Contain("before 5.1.0").And.Contain("PrintAnywhere server"));
    }

    [Test]
    public void Unconfirmed_assumptions_are_warned_once_each()
    {
        var warnings = MultiServer().Warnings.Where(w => w.Code == "unconfirmed").Select(w => w.Message.Split(':')[0]).ToList();

        Assert.That(warnings, Is.EquivalentTo(new[] { "pas-server-5200", "pas-pasport" }));
    }

    [Test]
    public void Naming_real_subnets_lets_strict_mode_close_mdns_to_other_networks()
    {
        Assert.That(MultiServer().Warnings.Select(w => w.Code), Does.Not.Contain("keyword-not-enforced"));
        Assert.That(Deployment().LocalSubnets("LocalSubnet").Plan().Warnings.Select(w => w.Code), Does.Contain("keyword-not-enforced"));
    }
}
