using FirewallKit.Core.Addresses;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Validation;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Engine;

/// <summary>Each role in each topology, as the core issue states the intent for PrinterOn 5.1+.</summary>
public class RulePlannerTests
{
    private const string Peer = "10.20.0.11";
    private const string PeerV6 = "fd00:20::13";
    private const string Outsider = "10.20.0.99";
    private const string OutsiderV6 = "fd00:20::99";
    private const string Admin = "10.30.0.7";

    private static ProfileBuilder ThreePeerCluster() =>
        ProfileBuilder.Cluster(Peer, "10.20.0.12", PeerV6).Admins("10.30.0.0/24");

    [Test]
    public void Client_port_is_open_to_the_client_set()
    {
        var plan = ProfileBuilder.SingleServer().Plan();

        Assert.That(plan.Port(443).Decision, Is.EqualTo(Decision.Open));
        Assert.That(plan.Admits(443, "198.51.100.7"), Is.True);
    }

    [Test]
    public void Client_port_is_closed_to_addresses_outside_a_restricted_client_set()
    {
        var plan = ProfileBuilder.SingleServer().Clients("10.0.0.0/8").Plan();

        Assert.That(plan.Admits(443, "10.1.2.3"), Is.True);
        Assert.That(plan.Admits(443, "198.51.100.7"), Is.False);
        Assert.That(plan.Admits(443, "2001:db8::7"), Is.False);
    }

    [TestCase(5200)]
    [TestCase(6789)]
    public void Cluster_port_is_closed_to_the_network_on_a_single_server(int port)
    {
        var plan = ProfileBuilder.SingleServer().Plan();

        Assert.That(plan.Port(port).Decision, Is.EqualTo(Decision.Closed));
        Assert.That(plan.Port(port).Reason, Does.Contain("single server"));
        Assert.That(plan.Admits(port, Outsider), Is.False);
    }

    [TestCase(5200)]
    [TestCase(6789)]
    public void Cluster_port_is_open_to_peers_only(int port)
    {
        var plan = ThreePeerCluster().Plan();

        Assert.Multiple(() =>
        {
            Assert.That(plan.Admits(port, Peer), Is.True);
            Assert.That(plan.Admits(port, PeerV6), Is.True);
            Assert.That(plan.Admits(port, Outsider), Is.False);
            Assert.That(plan.Admits(port, OutsiderV6), Is.False);
            Assert.That(plan.Admits(port, Admin), Is.False);
        });
    }

    [Test]
    public void Cluster_port_gets_a_block_rule_for_everyone_else_in_strict_mode()
    {
        var rules = ThreePeerCluster().Plan().RulesFor(5200);

        Assert.That(rules.Select(r => (r.Name, r.Action)), Is.EqualTo(new[]
        {
            ("fwkit-printeron-tcp-5200-allow", RuleAction.Allow),
            ("fwkit-printeron-tcp-5200-block-others", RuleAction.Block),
        }));
        Assert.That(rules[1].RemoteAddresses.Contains(System.Net.IPAddress.Loopback), Is.False, "loopback is never named");
    }

    [Test]
    public void Allow_only_mode_writes_no_complement_block_rules()
    {
        var plan = ThreePeerCluster().AllowOnly().Plan();

        Assert.That(plan.RulesFor(5200).Select(r => r.Action), Is.EqualTo(new[] { RuleAction.Allow }));
        Assert.That(plan.Warnings.Select(w => w.Code), Does.Contain("allow-only"));
    }

    [TestCase(10051)]
    [TestCase(48300)]
    [TestCase(49300)]
    [TestCase(50300)]
    public void Local_ipc_port_is_closed_to_the_network_in_every_topology(int port)
    {
        foreach (var plan in new[] { ProfileBuilder.SingleServer().Plan(), ThreePeerCluster().Plan() })
        {
            Assert.That(plan.Port(port).Decision, Is.EqualTo(Decision.Closed));
            Assert.That(plan.Admits(port, Peer), Is.False);
        }
    }

    [Test]
    public void Local_ipc_ports_of_one_entry_share_one_rule()
    {
        var rules = ProfileBuilder.SingleServer().Plan().RulesFor(48300);

        Assert.That(rules.Single().LocalPorts.ToTokens(), Is.EqualTo(new[] { "48300", "49300", "50300" }));
    }

    [Test]
    public void Configuration_manager_is_open_to_the_admin_set_only()
    {
        var plan = ProfileBuilder.SingleServer().Admins("10.30.0.0/24").Plan();

        Assert.That(plan.Admits(8057, Admin), Is.True);
        Assert.That(plan.Admits(8057, Outsider), Is.False);
    }

    [Test]
    public void Configuration_manager_is_closed_without_an_admin_set()
    {
        var plan = ProfileBuilder.SingleServer().Plan();

        Assert.That(plan.Port(8057).Decision, Is.EqualTo(Decision.Closed));
        Assert.That(plan.Port(8057).Reason, Does.Contain("no admin addresses"));
    }

    [Test]
    public void Configuration_manager_is_reached_by_child_servers_in_a_cluster()
    {
        var plan = ThreePeerCluster().Plan();

        Assert.That(plan.Admits(8057, Peer), Is.True);
        Assert.That(plan.Admits(8057, Admin), Is.True);
        Assert.That(plan.Admits(8057, Outsider), Is.False);
        Assert.That(plan.Port(8057).Reason, Does.Contain("parent Configuration Manager"));
    }

    [TestCase("webRelease", 8181)]
    [TestCase("brotherBsi", 8182)]
    [TestCase("http80", 80)]
    [TestCase("pdg", 6310)]
    [TestCase("pdg", 8081)]
    public void Optional_port_is_open_only_when_its_feature_is_on(string feature, int port)
    {
        var on = ProfileBuilder.SingleServer().With(feature).Printers("198.51.100.0/24").Plan();
        var off = ProfileBuilder.SingleServer().Without(feature).Plan();

        Assert.That(on.Admits(port, "198.51.100.7"), Is.True);
        Assert.That(off.Admits(port, "198.51.100.7"), Is.False);
        Assert.That(off.Port(port).Reason, Does.Contain($"feature '{feature}' is off"));
    }

    [Test]
    public void Pdg_disabled_profile_blocks_6310_and_8081()
    {
        var plan = ProfileBuilder.SingleServer().Without("pdg").Plan();

        Assert.That(plan.Port(6310).Decision, Is.EqualTo(Decision.Closed));
        Assert.That(plan.Port(8081).Decision, Is.EqualTo(Decision.Closed));
    }

    [Test]
    public void Ajp_is_open_to_the_load_balancers_only()
    {
        var plan = ProfileBuilder.SingleServer().With("ajp").LoadBalancers("10.40.0.5").Plan();

        Assert.That(plan.Admits(8009, "10.40.0.5"), Is.True);
        Assert.That(plan.Admits(8009, "198.51.100.7"), Is.False);
    }

    [Test]
    public void Ajp_on_without_load_balancers_is_refused_with_a_fix()
    {
        var error = Assert.Throws<FirewallKit.Core.Validation.InputException>(() => ProfileBuilder.SingleServer().With("ajp").Build())!.Errors.Single();

        Assert.That(error.Path, Is.EqualTo("$.features.ajp"));
        Assert.That(error.Message, Is.EqualTo("'ajp' is on, but TCP 8009 is reached only from addresses.loadBalancers, which the profile leaves empty"));
        Assert.That(error.Fix, Does.Contain("\"loadBalancers\"").And.Contain("switch off \"ajp\""));
    }

    [Test]
    public void A_client_port_with_an_empty_client_set_stays_closed_and_warns()
    {
        var plan = ProfileBuilder.SingleServer().Clients().Without("pdg").Plan();

        Assert.That(plan.Port(443).Decision, Is.EqualTo(Decision.Closed));
        Assert.That(plan.Warnings.Select(w => w.Code), Does.Contain("empty-audience"));
    }

    [TestCase("5.1.0", 5009, Decision.Closed)]
    [TestCase("5.1.2", 5400, Decision.Closed)]
    [TestCase("5.0.9", 5009, Decision.Restricted)]
    [TestCase("5.0.9", 5400, Decision.Restricted)]
    [TestCase("3.2.3", 4999, Decision.Closed)]
    [TestCase("3.2.2", 4999, Decision.Open)]
    [TestCase("3.2.4", 5000, Decision.Closed)]
    public void Deprecated_port_is_blocked_from_its_deprecation_version_and_keeps_its_old_role_before(string version, int port, Decision expected)
    {
        var plan = ThreePeerCluster().Version(version).Clients("Any").Plan();

        Assert.That(plan.Port(port).Decision, Is.EqualTo(expected));
    }

    [Test]
    public void Port_5200_resolves_by_its_active_entries_and_warns()
    {
        var current = ThreePeerCluster().Plan();
        var old = ThreePeerCluster().Version("5.0.9").Plan();

        Assert.That(current.Port(5200).Entries, Is.EqualTo(new[] { "pas-processing-5200", "pas-server-5200" }));
        Assert.That(current.Port(5200).AllowedFrom.Select(a => a.Flow), Has.All.Contains("PrintAnywhere server"));
        Assert.That(old.Port(5200).AllowedFrom, Has.Count.EqualTo(2));
        Assert.That(current.Warnings.Single(w => w.Code == "port-listed-twice").Message, Does.Contain("pas-processing-5200 (deprecated as of 5.1.0)"));
    }

    [Test]
    public void Moved_port_is_planned_at_its_new_number()
    {
        var plan = ProfileBuilder.SingleServer().With("pdsAlternatePort").MovePort("pds-alternate", 8090).Plan();

        Assert.That(plan.Port(8090).Entries, Is.EqualTo(new[] { "pds-alternate" }));
        Assert.That(plan.Admits(8090, "198.51.100.7"), Is.True);
        Assert.That(plan.Admits(8080, "198.51.100.7"), Is.False);
    }

    [Test]
    public void Ports_above_10000_that_are_not_listed_get_no_rule_and_say_why()
    {
        var row = ProfileBuilder.SingleServer().Plan().Ports.Single(p => p.Decision == Decision.NoRule);

        Assert.That(row.PortText, Is.EqualTo("10001-65535"));
        Assert.That(row.Reason, Does.Contain("temporary local IPC"));
        Assert.That(row.Rules, Is.Empty);
    }

    [Test]
    public void Unconfirmed_assumptions_are_warned_once()
    {
        var plan = ThreePeerCluster().Plan();

        Assert.That(plan.Warnings.Count(w => w.Code == "unconfirmed" && w.Message.StartsWith("pas-pasport", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public void Same_inputs_give_the_same_rules_names_order_and_hash()
    {
        var first = ThreePeerCluster().Plan();
        var second = ThreePeerCluster().Plan();

        Assert.That(second.Rules.Select(r => r.Name), Is.EqualTo(first.Rules.Select(r => r.Name)));
        Assert.That(second.Hash, Is.EqualTo(first.Hash));
    }

    [Test]
    public void Changing_one_peer_changes_only_the_rules_that_name_peers()
    {
        var before = ThreePeerCluster().Plan();
        var after = ProfileBuilder.Cluster(Peer, "10.20.0.14", PeerV6).Admins("10.30.0.0/24").Plan();

        var changed = before.Rules.Zip(after.Rules)
            .Where(pair => !pair.First.RemoteAddresses.Equals(pair.Second.RemoteAddresses))
            .Select(pair => pair.First.Name)
            .ToList();

        Assert.That(after.Rules.Select(r => r.Name), Is.EqualTo(before.Rules.Select(r => r.Name)));
        Assert.That(changed, Is.Not.Empty);
        Assert.That(changed, Has.None.Contains("-443-"), "443's client set covers the peers, so only peer rules change");
        Assert.That(changed.All(name => before.Ports.Any(p => p.Rules.Contains(name) && p.AllowedFrom.Any(a => a.Audience.StartsWith("peers", StringComparison.Ordinal)))), Is.True);
    }

    [Test]
    public void Rules_carry_group_profiles_and_a_description_with_the_vendors_words()
    {
        var plan = ProfileBuilder.SingleServer().NetworkProfiles("Domain", "Private").Plan();
        var rule = plan.RulesFor(631).First();

        Assert.Multiple(() =>
        {
            Assert.That(rule.Group, Is.EqualTo("PrinterOn Firewall (fwkit)"));
            Assert.That(rule.DisplayName, Is.EqualTo("PrinterOn PDS – print jobs from PrintAnywhere/PrintWhere (TCP 631)"));
            Assert.That(rule.Description, Does.Contain("Used to receive print jobs from PrintAnywhere and PrintWhere"));
            Assert.That(rule.Description, Does.Contain("Managed by fwkit"));
            Assert.That(rule.Profiles, Is.EqualTo(Core.RuleWords.NetworkProfiles.Domain | Core.RuleWords.NetworkProfiles.Private));
            Assert.That(rule.Enabled, Is.True);
        });
    }

    [Test]
    public void A_rule_never_holds_more_than_1000_addresses()
    {
        var builder = ProfileBuilder.Cluster();
        for (var i = 0; i < 2500; i++)
        {
            builder.Peer($"p{i}", [$"10.{i / 200}.{i % 200}.{1 + (i % 2) * 2}"]);
        }

        var plan = builder.Plan();

        Assert.That(plan.Rules.Max(r => r.RemoteAddresses.EntryCount), Is.LessThanOrEqualTo(1000));
        Assert.That(plan.RulesFor(5200).Count(r => r.Action == RuleAction.Allow), Is.EqualTo(3));
        Assert.That(plan.Admits(5200, "10.12.99.3"), Is.True);
        Assert.That(plan.Admits(5200, "10.12.99.2"), Is.False);
    }

    [Test]
    public void Udp_port_is_planned_as_udp()
    {
        var plan = ProfileBuilder.SingleServer().With("airPrintDiscovery").LocalSubnets("10.50.0.0/16").Plan();

        Assert.That(plan.Port(5353, TransportProtocol.Udp).Decision, Is.EqualTo(Decision.Restricted));
        Assert.That(plan.Admits(5353, "10.50.3.4", TransportProtocol.Udp), Is.True);
        Assert.That(plan.Admits(5353, "10.51.3.4", TransportProtocol.Udp), Is.False);
        Assert.That(plan.Admits(5353, "10.50.3.4", TransportProtocol.Tcp), Is.False);
    }

    [Test]
    public void Keyword_audience_cannot_be_enforced_strictly_and_says_so()
    {
        var plan = ProfileBuilder.SingleServer().With("airPrintDiscovery").Plan();

        Assert.That(plan.RulesFor(5353, TransportProtocol.Udp).Select(r => (r.Action, string.Join(",", r.RemoteAddresses))), Is.EqualTo(new[] { (RuleAction.Allow, "LocalSubnet") }));
        Assert.That(plan.Warnings.Single(w => w.Code == "keyword-not-enforced").Message, Does.Contain("strict mode cannot close UDP 5353"));
    }
}
