using System.Net;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Core.Sets;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Evaluation;

/// <summary>The one evaluator answers check (one source) and audit (who reaches a port) from the same decision.</summary>
public class FirewallEvaluatorTests
{
    private static readonly string[] Sources = ["10.0.0.7", "10.0.0.255", "10.0.1.1", "192.0.2.9", "2001:db8::5", "fe80::1"];

    private static FirewallRule Rule(string name, RuleAction action, TransportProtocol protocol, string ports, string remote) =>
        Rule(name, action, protocol, ports, AddressSet.Parse(remote));

    private static FirewallRule Rule(string name, RuleAction action, TransportProtocol protocol, string ports, AddressSet remote) => new()
    {
        Name = name,
        DisplayName = name,
        Group = "test",
        Action = action,
        Protocol = protocol,
        LocalPorts = PortSet.Parse(ports),
        RemoteAddresses = remote,
        Profiles = NetworkProfiles.All,
    };

    /// <summary>A restricted port as a strict plan writes it: allow the audience, block everyone else.</summary>
    private static FirewallRule[] Planned(TransportProtocol protocol) =>
    [
        Rule("allow", RuleAction.Allow, protocol, "5200", "10.0.0.0/24"),
        Rule("block-others", RuleAction.Block, protocol, "5200", AddressSet.Parse("10.0.0.0/24").Complement().Except(OutsideRules.Addresses)),
        Rule("allow-subnet", RuleAction.Allow, protocol, "5300", "LocalSubnet"),
    ];

    [TestCase(TransportProtocol.Tcp)]
    [TestCase(TransportProtocol.Udp)]
    public void Block_wins_over_allow_which_wins_over_the_default_beside_a_foreign_allow_all(TransportProtocol protocol)
    {
        var evaluator = ForeignAllowAll.Beside(Planned(protocol));

        Assert.Multiple(() =>
        {
            Assert.That(Ask(evaluator, "10.0.0.7", 5200, protocol), Is.EqualTo((ConnectionOutcome.Allowed, "allow")), "the audience is let in by the plan's allow rule");
            Assert.That(Ask(evaluator, "192.0.2.9", 5200, protocol), Is.EqualTo((ConnectionOutcome.Blocked, "block-others")), "a block rule beats the foreign allow-all");
            Assert.That(Ask(evaluator, "192.0.2.9", 5201, protocol).Outcome, Is.EqualTo(ConnectionOutcome.Allowed), "no block rule: the foreign allow-all lets it in");
            Assert.That(Ask(FirewallEvaluator.Of(Planned(protocol)), "192.0.2.9", 5201, protocol), Is.EqualTo((ConnectionOutcome.Blocked, (string?)null)), "no rule: the default inbound action blocks");
            Assert.That(Ask(evaluator, "127.0.0.1", 5200, protocol), Is.EqualTo((ConnectionOutcome.Allowed, (string?)null)), "loopback is not filtered");
        });
    }

    [TestCase(TransportProtocol.Tcp, 5200)]
    [TestCase(TransportProtocol.Udp, 5200)]
    [TestCase(TransportProtocol.Tcp, 5300)]
    [TestCase(TransportProtocol.Tcp, 5201)]
    public void Check_and_audit_agree_on_every_source(TransportProtocol protocol, int port)
    {
        foreach (var evaluator in new[] { FirewallEvaluator.Of(Planned(protocol)), ForeignAllowAll.Beside(Planned(protocol)) })
        {
            foreach (var profile in new[] { NetworkProfiles.Domain, NetworkProfiles.Private, NetworkProfiles.Public })
            {
                var reach = evaluator.Evaluate(new AuditTarget(port, protocol), profile);
                foreach (var source in Sources)
                {
                    var address = IPAddress.Parse(source);
                    var verdict = evaluator.Evaluate(new ConnectionQuery(address, port, protocol), profile);
                    // Certain and no keyword may keep it out: allowed; outside Possible and no keyword may let it in: blocked.
                    var expected = reach.Certain.Contains(address) && !reach.MayBeKeptOut.Any(a => a.Within.Contains(address)) ? ConnectionOutcome.Allowed
                        : reach.Possible.Contains(address) || reach.Certain.Contains(address) || reach.MayAlsoReach.Any(a => a.Within.Contains(address)) ? ConnectionOutcome.DependsOnMachine
                        : ConnectionOutcome.Blocked;
                    Assert.That(verdict.Outcome, Is.EqualTo(expected), $"{source} to {protocol} {port} in {profile}: {verdict.Reason}");
                }
            }
        }
    }

    [Test]
    public void A_condition_only_the_machine_knows_is_may_for_check_and_audit_alike()
    {
        StoredRule[] rules =
        [
            new() { Id = "app", DisplayName = "app", Action = RuleAction.Allow, Protocol = IpProtocol.Tcp, LocalPorts = PortSet.Of(5200), Program = @"C:\app.exe" },
            new() { Id = "wifi", DisplayName = "wifi", Action = RuleAction.Block, Protocol = IpProtocol.Tcp, LocalPorts = PortSet.Of(5201), InterfaceTypes = InterfaceTypes.Wireless },
            new() { Id = "all", DisplayName = "all", Action = RuleAction.Allow, Protocol = IpProtocol.Tcp, LocalPorts = PortSet.Of(5201) },
        ];
        var evaluator = new FirewallEvaluator(rules);
        var source = IPAddress.Parse("192.0.2.9");

        var program = evaluator.Evaluate(new ConnectionQuery(source, 5200, TransportProtocol.Tcp), NetworkProfiles.Domain);
        var programReach = evaluator.Evaluate(new AuditTarget(5200, TransportProtocol.Tcp), NetworkProfiles.Domain);
        var wireless = evaluator.Evaluate(new ConnectionQuery(source, 5201, TransportProtocol.Tcp), NetworkProfiles.Domain);
        var wirelessReach = evaluator.Evaluate(new AuditTarget(5201, TransportProtocol.Tcp), NetworkProfiles.Domain);

        Assert.Multiple(() =>
        {
            Assert.That((program.Outcome, program.Reason), Is.EqualTo((ConnectionOutcome.DependsOnMachine,
                @"rule app (Allow) lets it in only if the listener is C:\app.exe (which program listens is not known), which only the machine can resolve; otherwise default inbound action (block)")));
            Assert.That((programReach.Certain.Contains(source), programReach.Possible.Contains(source)), Is.EqualTo((false, true)), "the audit: may let in");
            Assert.That((wireless.Outcome, wireless.DecidingRule?.Id), Is.EqualTo((ConnectionOutcome.DependsOnMachine, "wifi")));
            Assert.That(wireless.Reason, Is.EqualTo("rule all (Allow) lets it in, unless rule wifi (Block) matches, which it does on Wireless interfaces; only the machine can resolve that"));
            Assert.That((wirelessReach.Certain.Contains(source), wirelessReach.Possible.Contains(source)), Is.EqualTo((false, true)), "the audit: may keep out");
        });
    }

    /// <summary>Windows decides these from the receiving app, its user, the peer's IPsec identity or the interface: a rule scoped so is never an allow-all.</summary>
    [TestCase("package")]
    [TestCase("owner")]
    [TestCase("localUsers")]
    [TestCase("remoteUsers")]
    [TestCase("remoteMachines")]
    [TestCase("interfaces")]
    public void An_allow_rule_scoped_by_what_only_the_machine_knows_may_let_in_but_is_not_an_allow_all(string scope)
    {
        var rule = new StoredRule { Id = "store-app", DisplayName = "Store app", Action = RuleAction.Allow };
        rule = scope switch
        {
            "package" => rule with { Package = "S-1-15-2-1430448594-2639229838-973813799-439329657" },
            "owner" => rule with { Owner = "S-1-5-21-1-2-3-1001" },
            "localUsers" => rule with { LocalUsers = "O:LSD:(A;;CC;;;S-1-5-21-1-2-3-1001)" },
            "remoteUsers" => rule with { RemoteUsers = "O:LSD:(A;;CC;;;S-1-5-21-1-2-3-1002)" },
            "remoteMachines" => rule with { RemoteMachines = "O:LSD:(A;;CC;;;S-1-5-21-1-2-3-1003)" },
            _ => rule with { Interfaces = ValueList.Create<string>(["Ethernet 2"]) },
        };
        var evaluator = new FirewallEvaluator([rule]);
        var source = IPAddress.Parse("192.0.2.9");

        var reach = evaluator.Evaluate(new AuditTarget(5200, TransportProtocol.Tcp), NetworkProfiles.Public);
        var verdict = evaluator.Evaluate(new ConnectionQuery(source, 5200, TransportProtocol.Udp), NetworkProfiles.Public);

        Assert.That((reach.Certain.Contains(source), reach.Possible.Contains(source)), Is.EqualTo((false, true)), "the audit: may let in");
        Assert.That(verdict.Outcome, Is.EqualTo(ConnectionOutcome.DependsOnMachine), verdict.Reason);
    }

    [Test]
    public void A_profile_state_read_from_the_machine_decides_check_as_it_decides_audit()
    {
        var rules = Planned(TransportProtocol.Tcp).Select(r => r.ToStored());
        var off = new ProfileState(NetworkProfiles.Domain, false, RuleAction.Block, true, true, Known: true);
        var blockAll = new ProfileState(NetworkProfiles.Private, true, RuleAction.Block, false, true, Known: true);
        var evaluator = new FirewallEvaluator(rules, [off, blockAll]);

        Assert.Multiple(() =>
        {
            Assert.That(Ask(evaluator, "192.0.2.9", 5200, TransportProtocol.Tcp, NetworkProfiles.Domain).Outcome, Is.EqualTo(ConnectionOutcome.Allowed), "a profile that is off admits everything");
            Assert.That(Ask(evaluator, "10.0.0.7", 5200, TransportProtocol.Tcp, NetworkProfiles.Private).Outcome, Is.EqualTo(ConnectionOutcome.Blocked), "BlockInboundAlways admits nothing");
            Assert.That(Ask(evaluator, "10.0.0.7", 5200, TransportProtocol.Tcp, NetworkProfiles.Public), Is.EqualTo((ConnectionOutcome.Allowed, "allow")));
        });
    }

    private static (ConnectionOutcome Outcome, string? Rule) Ask(FirewallEvaluator evaluator, string from, int port, TransportProtocol protocol, NetworkProfiles profile = NetworkProfiles.Domain)
    {
        var verdict = evaluator.Evaluate(new ConnectionQuery(IPAddress.Parse(from), port, protocol), profile);
        return (verdict.Outcome, verdict.DecidingRule?.Id);
    }
}
