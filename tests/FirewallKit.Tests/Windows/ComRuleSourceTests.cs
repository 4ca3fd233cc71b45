using FirewallKit.Core.Addresses;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Tests.Windows.Fake;
using FirewallKit.Windows;

namespace FirewallKit.Tests.Windows;

/// <summary>The live audit reader against the fake firewall: every rule of every group, and each profile's state.</summary>
public class ComRuleSourceTests
{
    [Test]
    public void Every_rule_of_every_group_is_read_with_the_fields_that_change_what_it_matches()
    {
        var fake = new FakeFirewall();
        fake.Seed(ComRuleRecords.Allow("web", "443", "10.0.0.0/255.0.0.0"));
        fake.Seed(ComRuleRecords.Allow("spooler", "*", "LocalSubnet") with { Grouping = "Printing", ApplicationName = @"%SystemRoot%\System32\spoolsv.exe", Profiles = 1 });
        fake.Seed(ComRuleRecords.Allow("ping", "*", "*") with { Grouping = null, Protocol = 1, Action = 0, Enabled = false });
        fake.Seed(ComRuleRecords.Allow("out", "443", "*") with { Direction = 2 });
        fake.Seed(ComRuleRecords.EveryFieldSet("full"));

        var firewall = new ComRuleSource(fake, "PRINT01").Read();

        Assert.That(firewall.Source, Is.EqualTo("PRINT01"));
        Assert.That(firewall.Format, Is.EqualTo("live"));
        Assert.That(firewall.Rules.Select(r => r.DisplayName), Is.EqualTo(new[] { "web", "spooler", "ping", "out", "full" }));
        var spooler = firewall.Rules[1];
        Assert.That((spooler.Group, spooler.Program, spooler.Profiles, spooler.RemoteAddresses), Is.EqualTo(("Printing", @"%SystemRoot%\System32\spoolsv.exe", NetworkProfiles.Domain, AddressSet.Of(AddressKeyword.LocalSubnet))));
        var ping = firewall.Rules[2];
        Assert.That((ping.Protocol, ping.Action, ping.Enabled), Is.EqualTo((new IpProtocol(1), RuleAction.Block, false)));
        Assert.That(firewall.Rules[3].Direction, Is.EqualTo(RuleDirection.Outbound));
        var full = firewall.Rules[4];
        Assert.That(full.Service, Is.EqualTo("Spooler"));
        Assert.That(full.RemotePorts.Contains(2000) && !full.RemotePorts.Contains(80), Is.True);
        Assert.That(full.LocalAddresses, Is.EqualTo(AddressSet.Parse("192.168.1.10")));
        Assert.That((full.InterfaceTypes, full.EdgeTraversal, full.RequiresAuthentication), Is.EqualTo((InterfaceTypes.Lan | InterfaceTypes.Wireless, EdgeTraversal.Allow, true)));
        Assert.That(firewall.Rules.Select(r => r.Store), Has.All.EqualTo(RuleStore.Unknown));
    }

    [Test]
    public void Each_profile_state_is_read_and_group_policy_overriding_local_rules_applies_to_the_active_profiles()
    {
        var fake = new FakeFirewall { CurrentProfileTypes = FakeFirewall.ProfileDomain, LocalPolicyModifyState = 1 };
        fake.Profiles[FakeFirewall.ProfilePublic].FirewallEnabled = false;
        fake.Profiles[FakeFirewall.ProfilePrivate].DefaultInboundAction = 1;
        fake.Profiles[FakeFirewall.ProfilePrivate].BlockAllInboundTraffic = true;

        var firewall = new ComRuleSource(fake, "PRINT01").Read();

        Assert.That(firewall.Profiles, Is.EqualTo(new[]
        {
            new ProfileState(NetworkProfiles.Domain, true, RuleAction.Block, AllowInboundRules: true, AllowLocalRules: false, Known: true),
            new ProfileState(NetworkProfiles.Private, true, RuleAction.Allow, AllowInboundRules: false, AllowLocalRules: true, Known: true),
            new ProfileState(NetworkProfiles.Public, false, RuleAction.Block, AllowInboundRules: true, AllowLocalRules: true, Known: true),
        }));
        Assert.That(firewall.Notes, Has.Some.Contains("active profiles only"));
    }

    [Test]
    public void Rules_with_the_keywords_windows_writes_are_read_and_their_keyword_addresses_only_may_get_in()
    {
        var fake = new FakeFirewall();
        fake.Seed(ComRuleRecords.Allow("Play To streaming", "5200", "LocalSubnet,Ply2Renders4,RmtIntranet,fe80::/64") with { Grouping = "Play To" });
        fake.Seed(ComRuleRecords.Allow("IP-HTTPS", "IPHTTPSIn,IPTLSIn") with { Grouping = "Core Networking" });
        fake.Seed(ComRuleRecords.Allow("Core Networking - Teredo", "Teredo,Ply2Disc,mDNS,RPC,RPC-EPMap", "CAPTIVEPORTAL,defaultgateway6") with { Protocol = 17 });

        var firewall = new ComRuleSource(fake, "PRINT01").Read();

        Assert.That(firewall.Notes, Has.None.Contains("left out"));
        Assert.That(firewall.Rules.Select(r => r.DisplayName), Is.EqualTo(new[] { "Play To streaming", "IP-HTTPS", "Core Networking - Teredo" }));
        Assert.That(firewall.Rules[0].RemoteAddresses.Keywords.Select(k => k.ToString()), Is.EquivalentTo(new[] { "LocalSubnet", "PlayToDevice4", "IntranetRemoteAccess" }));
        Assert.That(firewall.Rules[2].LocalPorts.Keywords, Has.Length.EqualTo(5));
        var reach = new FirewallEvaluator(firewall.Rules, firewall.Profiles).Evaluate(new AuditTarget(5200, TransportProtocol.Tcp), NetworkProfiles.Private);
        Assert.That(reach.Certain.ToString(), Is.EqualTo("fe80::/64"), "only the literal addresses get in for certain");
        Assert.That(reach.MayAlsoReach.Select(a => a.Keyword.ToString()), Is.EquivalentTo(new[] { "LocalSubnet", "PlayToDevice4", "IntranetRemoteAccess" }));
        var rpc = new FirewallEvaluator(firewall.Rules, firewall.Profiles).Evaluate(new AuditTarget(135, TransportProtocol.Udp), NetworkProfiles.Private);
        Assert.That(rpc.Possible.IsEmpty && rpc.MayAlsoReach.Count == 0, Is.True, "port keywords name Windows' own services, not a product's port");
    }

    [Test]
    public void A_rule_whose_lists_cannot_be_read_is_left_out_with_a_note()
    {
        var fake = new FakeFirewall();
        fake.Seed(ComRuleRecords.Allow("odd", "443") with { RemoteAddresses = "not-an-address" });
        fake.Seed(ComRuleRecords.Allow("web"));

        var firewall = new ComRuleSource(fake, "PRINT01").Read();

        Assert.That(firewall.Rules.Select(r => r.DisplayName), Is.EqualTo(new[] { "web" }));
        Assert.That(firewall.Notes, Has.Some.EqualTo("rule 'odd' (#1) left out: it has remote addresses fwkit cannot read ('not-an-address')"));
    }
}
