using System.Net;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;

namespace FirewallKit.Tests.Evaluation;

public class ConnectionEvaluatorTests
{
    private static FirewallRule Rule(string name, RuleAction action, string[] ports, string[] remote, NetworkProfiles profiles = NetworkProfiles.All, TransportProtocol protocol = TransportProtocol.Tcp, bool enabled = true) =>
        new()
        {
            Name = name,
            DisplayName = name,
            Group = "test",
            Action = action,
            Protocol = protocol,
            // An empty list is what Windows stores as Any, for ports and addresses alike.
            LocalPorts = ports.Length == 0 ? PortSet.Any : PortSet.Parse(ports),
            RemoteAddresses = remote.Length == 0 ? AddressSet.Any : AddressSet.Parse(remote),
            Profiles = profiles,
            Enabled = enabled,
        };

    private static ConnectionVerdict Ask(IEnumerable<FirewallRule> rules, string from, int port, TransportProtocol protocol = TransportProtocol.Tcp, NetworkProfiles profile = NetworkProfiles.Domain) =>
        FirewallEvaluator.Evaluate(rules, new ConnectionQuery(IPAddress.Parse(from), port, protocol), profile);

    [Test]
    public void Block_rule_wins_over_an_allow_rule_listed_before_it()
    {
        FirewallRule[] rules = [Rule("allow-all", RuleAction.Allow, ["443"], ["Any"]), Rule("block-one", RuleAction.Block, ["443"], ["10.0.0.5"])];

        var verdict = Ask(rules, "10.0.0.5", 443);

        Assert.That(verdict.Outcome, Is.EqualTo(ConnectionOutcome.Blocked));
        Assert.That(verdict.DecidingRule!.Id, Is.EqualTo("block-one"));
        Assert.That(verdict.Reason, Is.EqualTo("rule block-one (Block)"));
    }

    [Test]
    public void Matching_allow_rule_lets_the_connection_in()
    {
        FirewallRule[] rules = [Rule("allow-net", RuleAction.Allow, ["443"], ["10.0.0.0/24"]), Rule("block-other", RuleAction.Block, ["443"], ["10.0.1.0/24"])];

        var verdict = Ask(rules, "10.0.0.77", 443);

        Assert.That(verdict.Outcome, Is.EqualTo(ConnectionOutcome.Allowed));
        Assert.That(verdict.Reason, Is.EqualTo("rule allow-net (Allow)"));
    }

    [Test]
    public void No_matching_rule_falls_to_the_default_inbound_action()
    {
        FirewallRule[] rules = [Rule("allow-net", RuleAction.Allow, ["443"], ["10.0.0.0/24"])];

        var verdict = Ask(rules, "192.0.2.1", 443);

        Assert.That(verdict.Outcome, Is.EqualTo(ConnectionOutcome.Blocked));
        Assert.That(verdict.DecidingRule, Is.Null);
        Assert.That(verdict.Reason, Is.EqualTo("default inbound action (block)"));
    }

    [TestCase("127.0.0.1")]
    [TestCase("127.200.3.4")]
    [TestCase("::1")]
    [TestCase("::ffff:127.0.0.1")]
    public void Loopback_is_not_filtered_even_by_a_block_rule_for_everyone(string from)
    {
        FirewallRule[] rules = [Rule("block-all", RuleAction.Block, ["Any"], ["Any"])];

        var verdict = Ask(rules, from, 8057);

        Assert.That(verdict.Outcome, Is.EqualTo(ConnectionOutcome.Allowed));
        Assert.That(verdict.Reason, Is.EqualTo("loopback is not filtered"));
    }

    [Test]
    public void Disabled_rules_are_ignored()
    {
        FirewallRule[] rules = [Rule("block-off", RuleAction.Block, ["443"], ["Any"], enabled: false), Rule("allow", RuleAction.Allow, ["443"], ["Any"])];

        Assert.That(Ask(rules, "10.0.0.5", 443).Reason, Is.EqualTo("rule allow (Allow)"));
    }

    [Test]
    public void Rules_of_other_firewall_profiles_do_not_apply()
    {
        FirewallRule[] rules = [Rule("allow-domain", RuleAction.Allow, ["443"], ["Any"], NetworkProfiles.Domain)];

        Assert.That(Ask(rules, "10.0.0.5", 443, profile: NetworkProfiles.Domain).IsAllowed, Is.True);
        Assert.That(Ask(rules, "10.0.0.5", 443, profile: NetworkProfiles.Public).IsBlocked, Is.True);
    }

    [Test]
    public void Protocol_must_match()
    {
        FirewallRule[] rules = [Rule("allow-udp", RuleAction.Allow, ["5353"], ["Any"], protocol: TransportProtocol.Udp)];

        Assert.That(Ask(rules, "10.0.0.5", 5353, TransportProtocol.Udp).IsAllowed, Is.True);
        Assert.That(Ask(rules, "10.0.0.5", 5353, TransportProtocol.Tcp).IsBlocked, Is.True);
    }

    [TestCase("5000-5010", 5000, true)]
    [TestCase("5000-5010", 5010, true)]
    [TestCase("5000-5010", 5011, false)]
    [TestCase("Any", 12345, true)]
    [TestCase("*", 1, true)]
    [TestCase("48300", 49300, false)]
    public void Local_ports_match_numbers_ranges_and_Any(string ports, int port, bool matches)
    {
        FirewallRule[] rules = [Rule("allow", RuleAction.Allow, [ports], ["Any"])];

        Assert.That(Ask(rules, "10.0.0.5", port).IsAllowed, Is.EqualTo(matches));
    }

    [Test]
    public void Empty_address_and_port_lists_mean_Any_as_they_do_to_Windows()
    {
        FirewallRule[] rules = [Rule("block-everything", RuleAction.Block, [], [])];

        Assert.That(Ask(rules, "203.0.113.9", 631).Reason, Is.EqualTo("rule block-everything (Block)"));
    }

    [Test]
    public void An_allow_that_hangs_on_a_keyword_depends_on_the_machine()
    {
        FirewallRule[] rules = [Rule("allow-subnet", RuleAction.Allow, ["5353"], ["LocalSubnet"], protocol: TransportProtocol.Udp)];

        var verdict = Ask(rules, "10.0.0.5", 5353, TransportProtocol.Udp);

        Assert.That(verdict.Outcome, Is.EqualTo(ConnectionOutcome.DependsOnMachine));
        Assert.That(verdict.DecidingRule!.Id, Is.EqualTo("allow-subnet"));
        Assert.That(verdict.Reason, Is.EqualTo("rule allow-subnet (Allow) lets it in only if 10.0.0.5 is in LocalSubnet, which only the machine can resolve; otherwise default inbound action (block)"));
    }

    [Test]
    public void A_block_that_hangs_on_a_keyword_makes_a_literal_allow_depend_on_the_machine()
    {
        FirewallRule[] rules = [Rule("allow", RuleAction.Allow, ["443"], ["10.0.0.0/8"]), Rule("block-dns", RuleAction.Block, ["443"], ["DNS"])];

        var verdict = Ask(rules, "10.0.0.5", 443);

        Assert.That(verdict.Outcome, Is.EqualTo(ConnectionOutcome.DependsOnMachine));
        Assert.That(verdict.Reason, Does.StartWith("rule allow (Allow) lets it in, unless rule block-dns (Block) matches, which it does if 10.0.0.5 is in DNS"));
    }

    [Test]
    public void A_keyword_block_without_any_allow_is_still_blocked()
    {
        FirewallRule[] rules = [Rule("block-dns", RuleAction.Block, ["443"], ["DNS"])];

        Assert.That(Ask(rules, "10.0.0.5", 443).Outcome, Is.EqualTo(ConnectionOutcome.Blocked));
    }

    [Test]
    public void A_keyword_for_the_other_IP_version_cannot_match()
    {
        FirewallRule[] rules = [Rule("allow-subnet4", RuleAction.Allow, ["443"], ["LocalSubnet4"])];

        Assert.That(Ask(rules, "fd00::5", 443).Outcome, Is.EqualTo(ConnectionOutcome.Blocked));
        Assert.That(Ask(rules, "10.0.0.5", 443).Outcome, Is.EqualTo(ConnectionOutcome.DependsOnMachine));
    }

    [Test]
    public void A_port_keyword_such_as_RPC_depends_on_the_machine()
    {
        FirewallRule[] rules = [Rule("allow-rpc", RuleAction.Allow, ["RPC"], ["Any"])];

        var verdict = Ask(rules, "10.0.0.5", 49700);

        Assert.That(verdict.Outcome, Is.EqualTo(ConnectionOutcome.DependsOnMachine));
        Assert.That(verdict.Reason, Does.Contain("port 49700 is one of RPC"));
    }

    [Test]
    public void An_IPv4_mapped_IPv6_source_is_checked_as_IPv4()
    {
        FirewallRule[] rules = [Rule("allow", RuleAction.Allow, ["443"], ["10.0.0.0/8"])];

        Assert.That(Ask(rules, "::ffff:10.1.2.3", 443).IsAllowed, Is.True);
    }

    [Test]
    public void Profiles_that_agree_are_grouped_and_those_that_differ_are_named()
    {
        var evaluator = FirewallEvaluator.Of([Rule("allow", RuleAction.Allow, ["443"], ["Any"], NetworkProfiles.Domain | NetworkProfiles.Private)]);
        var query = new ConnectionQuery(IPAddress.Parse("10.0.0.5"), 443, TransportProtocol.Tcp);

        var verdicts = evaluator.EvaluateEachProfile(query);

        Assert.That(verdicts.Select(v => (v.Profiles, v.Verdict.Outcome)), Is.EqualTo(new[]
        {
            (NetworkProfiles.Domain | NetworkProfiles.Private, ConnectionOutcome.Allowed),
            (NetworkProfiles.Public, ConnectionOutcome.Blocked),
        }));
        Assert.That(evaluator.EvaluateEachProfile(query, NetworkProfiles.Public).Single().Verdict.IsBlocked, Is.True);
    }
}
