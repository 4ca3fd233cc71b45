using System.Net;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Audit;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Operations;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;

namespace FirewallKit.Tests.Evaluation;

public class ReachabilityEvaluatorTests
{
    private static StoredRule Rule(string name, RuleAction action, string remote = "Any", string ports = "5200", string? program = null, string remotePorts = "Any", bool enabled = true, NetworkProfiles profiles = NetworkProfiles.All, RuleStore store = RuleStore.Local) =>
        new()
        {
            Id = name,
            DisplayName = name,
            Enabled = enabled,
            Action = action,
            Protocol = IpProtocol.Tcp,
            LocalPorts = PortSet.Parse(ports),
            RemotePorts = PortSet.Parse(remotePorts),
            RemoteAddresses = AddressSet.Parse(remote.Split(',')),
            Program = program,
            Profiles = profiles,
            Store = store,
            Location = "line 1",
        };

    private static ObservedFirewall Firewall(params StoredRule[] rules) => Firewall(rules, []);

    private static ObservedFirewall Firewall(StoredRule[] rules, ProfileState[] profiles) => new("test", "test", rules, profiles, []);

    private static Reachability Evaluate(ObservedFirewall firewall, Listener? listener = null, NetworkProfiles profile = NetworkProfiles.Domain) =>
        new FirewallEvaluator(firewall.Rules, firewall.Profiles).Evaluate(new AuditTarget(5200, TransportProtocol.Tcp, listener), profile);

    [Test]
    public void A_block_rule_wins_over_every_allow_rule()
    {
        var reach = Evaluate(Firewall(Rule("allow-all", RuleAction.Allow), Rule("block-some", RuleAction.Block, "203.0.113.0/24")));

        Assert.That(reach.Certain.Contains(IPAddress.Parse("203.0.113.7")), Is.False);
        Assert.That(reach.Certain.Contains(IPAddress.Parse("198.51.100.7")), Is.True);
        Assert.That(reach.IsExact, Is.True);
    }

    [TestCase(RuleAction.Block)]
    [TestCase(RuleAction.Allow)]
    public void An_authenticated_bypass_rule_may_let_its_peers_in_past_block_rules_but_never_certainly(RuleAction defaultInbound)
    {
        var firewall = Firewall(
            [
                Rule("block-lab", RuleAction.Block, "10.0.0.0/8"),
                Rule("bypass-admins", RuleAction.Bypass, "10.0.0.5,LocalSubnet") with { Security = RuleSecurity.Authenticate, RemoteMachines = "O:LSD:(A;;CC;;;S-1-5-21-1-2-3-515)" },
            ],
            [new ProfileState(NetworkProfiles.Domain, true, defaultInbound, true, true, true)]);

        var reach = Evaluate(firewall);

        var admin = IPAddress.Parse("10.0.0.5");
        Assert.That(reach.Certain.Contains(admin), Is.False, "only an IPsec-authenticated peer gets past the block rule");
        Assert.That(reach.Possible.Contains(admin), Is.True, "an authenticated peer does");
        Assert.That(reach.Possible.Contains(IPAddress.Parse("10.0.0.6")), Is.False, "the block rule keeps out the rest of 10/8");
        Assert.That(reach.MayAlsoReach.Select(k => k.Keyword), Has.Some.EqualTo(AddressKeyword.LocalSubnet));
        var bypass = reach.Effects.Single(e => e.Rule == "'bypass-admins'");
        Assert.That(bypass.Kind, Is.EqualTo(RuleEffectKind.MayLetIn));
        Assert.That(bypass.Conditions, Has.Some.StartsWith("only for IPsec-authenticated peers"));
    }

    [Test]
    public void Without_a_matching_rule_the_default_block_decides_and_loopback_is_left_out()
    {
        var reach = Evaluate(Firewall(Rule("other-port", RuleAction.Allow, ports: "5201")));

        Assert.That(reach.Certain.IsEmpty && reach.Possible.IsEmpty, Is.True);
        Assert.That(reach.Effects.Single().Kind, Is.EqualTo(RuleEffectKind.DefaultBlocks));
        Assert.That(reach.Effects.Single().Addresses.Contains(IPAddress.Loopback), Is.False);
    }

    [Test]
    public void A_program_scoped_allow_rule_may_let_traffic_in_when_the_listener_is_unknown()
    {
        var reach = Evaluate(Firewall(Rule("app", RuleAction.Allow, program: @"C:\App\app.exe")));

        Assert.That(reach.Certain.IsEmpty, Is.True);
        Assert.That(AddressText.Of(reach.Possible), Is.EqualTo("Any"));
        Assert.That(reach.Effects.First().Conditions.Single(), Is.EqualTo(@"only if the listener is C:\App\app.exe (which program listens is not known)"));
    }

    [Test]
    public void A_program_scoped_rule_counts_only_for_that_program_when_the_listener_is_known()
    {
        var firewall = Firewall(Rule("app", RuleAction.Allow, program: @"%SystemRoot%\system32\svchost.exe"));

        var same = Evaluate(firewall, new Listener(TransportProtocol.Tcp, IPAddress.Any, 5200, @"C:\WINDOWS\System32\svchost.exe"));
        var other = Evaluate(firewall, new Listener(TransportProtocol.Tcp, IPAddress.Any, 5200, @"C:\App\other.exe"));

        Assert.That(AddressText.Of(same.Certain), Is.EqualTo("Any"));
        Assert.That(other.Possible.IsEmpty, Is.True);
    }

    [Test]
    public void A_block_rule_limited_to_some_remote_ports_does_not_certainly_keep_anyone_out()
    {
        var reach = Evaluate(Firewall(Rule("allow-all", RuleAction.Allow), Rule("block-from-53", RuleAction.Block, remotePorts: "53")));

        Assert.That(reach.Certain.IsEmpty, Is.True);
        Assert.That(AddressText.Of(reach.Possible), Is.EqualTo("Any"));
    }

    [Test]
    public void A_keyword_allow_rule_may_let_in_only_what_literal_block_rules_leave()
    {
        var reach = Evaluate(Firewall(Rule("lan", RuleAction.Allow, "LocalSubnet"), Rule("block-others", RuleAction.Block, "0.0.0.0-10.20.0.10,10.20.0.12-255.255.255.255,::/0")));

        var audience = reach.MayAlsoReach.Single();
        Assert.That(audience.Keyword, Is.EqualTo(AddressKeyword.LocalSubnet));
        Assert.That(audience.Within.ToTokens(), Is.EqualTo(new[] { "10.20.0.11" }));
        Assert.That(reach.Certain.IsEmpty, Is.True);
    }

    [Test]
    public void Disabled_other_profile_and_GPO_ignored_local_rules_do_not_count_and_are_named()
    {
        var rules = new[]
        {
            Rule("disabled", RuleAction.Allow, enabled: false),
            Rule("public-only", RuleAction.Allow, profiles: NetworkProfiles.Public),
            Rule("local", RuleAction.Allow),
            Rule("from-gpo", RuleAction.Allow, "10.0.0.0/8", store: RuleStore.GroupPolicy),
        };
        var gpo = new ProfileState(NetworkProfiles.Domain, true, RuleAction.Block, true, AllowLocalRules: false, true);

        var reach = Evaluate(Firewall(rules, [gpo]));

        Assert.That(reach.Certain.ToTokens(), Is.EqualTo(new[] { "10.0.0.0/8" }));
        Assert.That(reach.Effects.Where(e => e.Kind == RuleEffectKind.Ignored).Select(e => e.Reason), Is.EqualTo(new[]
        {
            "Allow rule, ignored: disabled",
            "Allow rule, ignored: not in the Domain profile",
            "Allow rule, ignored: a local rule, and Group Policy does not honour local rules in this profile",
        }));
    }

    [Test]
    public void A_keyword_allow_rule_is_overruled_when_a_block_rule_keeps_out_everyone()
    {
        var reach = Evaluate(Firewall(Rule("lan", RuleAction.Allow, "LocalSubnet"), Rule("block-all", RuleAction.Block)));

        Assert.That(reach.MayAlsoReach, Is.Empty);
        Assert.That(reach.Effects.Single(e => e.Rule == "'lan'").Kind, Is.EqualTo(RuleEffectKind.Overruled));
        Assert.That(reach.IsExact && reach.Possible.IsEmpty, Is.True);
    }

    [Test]
    public void A_default_allow_profile_admits_everyone_no_block_rule_keeps_out()
    {
        var allow = new ProfileState(NetworkProfiles.Domain, true, RuleAction.Allow, true, true, true);

        var reach = Evaluate(Firewall([Rule("block-some", RuleAction.Block, "203.0.113.0/24")], [allow]));

        Assert.That(reach.Certain, Is.EqualTo(AddressSet.Any.Except(AddressSet.Parse("203.0.113.0/24", "127.0.0.0/8", "::1", "::"))), "everyone but loopback and '::', which no rule names");
        Assert.That(reach.Effects.Select(e => e.Kind), Is.EqualTo(new[] { RuleEffectKind.KeepsOut, RuleEffectKind.DefaultAllows }));
    }

    [Test]
    public void A_profile_that_blocks_all_inbound_admits_no_one_whatever_the_allow_rules()
    {
        var always = new ProfileState(NetworkProfiles.Domain, true, RuleAction.Block, AllowInboundRules: false, true, true);

        var reach = Evaluate(Firewall([Rule("allow-all", RuleAction.Allow)], [always]));

        Assert.That(reach.Possible.IsEmpty, Is.True);
        Assert.That(reach.Effects.Single().Kind, Is.EqualTo(RuleEffectKind.BlocksAllInbound));
    }

    [Test]
    public void A_listener_the_catalog_does_not_know_is_audited_too()
    {
        var listeners = new Moq.Mock<IListenerSource>();
        listeners.Setup(l => l.Listeners()).Returns([new Listener(TransportProtocol.Tcp, IPAddress.Any, 3389, @"C:\Windows\System32\svchost.exe")]);
        var source = new Moq.Mock<IRuleSource>();
        source.Setup(s => s.Read()).Returns(Firewall(Rule("rdp", RuleAction.Allow, ports: "3389", program: @"%SystemRoot%\system32\svchost.exe")));

        var report = AuditRunner.Run(new AuditRequest(source.Object, Listeners: listeners.Object, Only: NetworkProfiles.Domain));

        var rdp = report.Ports.Single(p => p.Port == 3389);
        Assert.That(rdp.Origin, Is.EqualTo("listener"));
        Assert.That(AddressText.Of(rdp.Profiles.Single().Reach.Certain), Is.EqualTo("Any"));
        Assert.That(report.Verdict, Is.EqualTo(AuditVerdict.NotCompared));
    }

    [Test]
    public void The_system_listener_source_reads_this_machines_sockets()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;

        var listeners = new SystemListenerSource().Listeners();

        Assert.That(listeners, Has.Some.Matches<Listener>(l => l != null && l.Port == port && l.Protocol == TransportProtocol.Tcp && l.Program == null));
    }

    [Test]
    public void Intent_keywords_and_rule_keywords_of_the_same_name_agree()
    {
        var reach = Evaluate(Firewall(Rule("lan", RuleAction.Allow, "LocalSubnet")));
        var intent = new IntendedReach(Core.Plan.Decision.Restricted, AddressSet.Empty, [AddressKeyword.LocalSubnet], []);

        Assert.That(IntentComparer.Compare(reach, intent), Is.Empty);
    }
}
