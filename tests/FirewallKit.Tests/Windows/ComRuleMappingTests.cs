using FirewallKit.Core.Ports;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;
using FirewallKit.Windows;

namespace FirewallKit.Tests.Windows;

public class ComRuleMappingTests
{
    private static readonly FirewallRule Rule = TestRules.Allow("tcp-443-allow", 443, "10.0.0.0/8", "fd00::/16", "10.20.0.11");

    [Test]
    public void Protocols_are_IANA_numbers()
    {
        Assert.That(ComRuleMapping.ProtocolNumber(TransportProtocol.Tcp), Is.EqualTo(6));
        Assert.That(ComRuleMapping.ProtocolNumber(TransportProtocol.Udp), Is.EqualTo(17));
    }

    [TestCase(FirewallProfiles.Domain, 1)]
    [TestCase(FirewallProfiles.Private, 2)]
    [TestCase(FirewallProfiles.Public, 4)]
    [TestCase(FirewallProfiles.Domain | FirewallProfiles.Private, 3)]
    [TestCase(FirewallProfiles.All, 0x7FFFFFFF)]
    public void Profiles_map_to_the_COM_bitmask_and_back(FirewallProfiles profiles, int mask)
    {
        Assert.That(ComRuleMapping.ProfileMask(profiles), Is.EqualTo(mask));
        Assert.That(ComRuleMapping.ProfilesFromMask(mask), Is.EqualTo(profiles));
    }

    [Test]
    public void Direction_and_action_use_the_COM_values()
    {
        var allow = ComRuleMapping.ToCom(Rule);
        var block = ComRuleMapping.ToCom(Rule with { Action = RuleAction.Block });

        Assert.That(allow.Direction, Is.EqualTo(1));
        Assert.That(allow.Action, Is.EqualTo(1));
        Assert.That(block.Action, Is.EqualTo(0));
        Assert.That(allow.Enabled, Is.True, "COM creates rules disabled; fwkit must say enabled");
    }

    [Test]
    public void The_stable_rule_name_is_the_COM_name_and_the_display_name_leads_the_description()
    {
        var values = ComRuleMapping.ToCom(Rule);

        Assert.That(values.Name, Is.EqualTo("fwkit-printeron-tcp-443-allow"));
        Assert.That(values.Grouping, Is.EqualTo(TestRules.Group));
        Assert.That(values.Description, Is.EqualTo("Test rule tcp-443-allow (TCP 443)\r\nA test rule for port 443. Managed by fwkit."));
        Assert.That(ComRuleMapping.SplitDescription(values.Description), Is.EqualTo((Rule.DisplayName, Rule.Description)));
        Assert.That(ComRuleMapping.SplitDescription("Just a description"), Is.EqualTo(("Just a description", string.Empty)));
    }

    [TestCase(new[] { "10.0.0.0/8", "fd00::/16" }, "10.0.0.0/8,fd00::/16")]
    [TestCase(new[] { "10.20.0.12", "10.20.0.11" }, "10.20.0.11-10.20.0.12")]
    [TestCase(new[] { "Any" }, "*")]
    [TestCase(new[] { "10.0.0.0/255.255.255.0", "LocalSubnet" }, "10.0.0.0/24,LocalSubnet")]
    public void Addresses_are_comma_joined_with_a_star_for_any(string[] addresses, string com) =>
        Assert.That(ComRuleMapping.AddressList(AddressSet.Parse(addresses)), Is.EqualTo(com));

    [Test]
    public void An_empty_address_list_is_refused_because_COM_would_read_it_as_any() =>
        Assert.Throws<ArgumentException>(() => ComRuleMapping.AddressList(AddressSet.Empty));

    [TestCase(new[] { "443" }, "443")]
    [TestCase(new[] { "48300", "49300", "50300" }, "48300,49300,50300")]
    [TestCase(new[] { "Any" }, "*")]
    [TestCase(new[] { "RPCEPMap" }, "RPC-EPMap")]
    public void Ports_are_comma_joined_in_COM_spelling(string[] ports, string com) =>
        Assert.That(ComRuleMapping.PortList(PortSet.Parse(ports)), Is.EqualTo(com));

    [Test]
    public void The_firewalls_read_back_strings_map_to_an_equivalent_rule()
    {
        var readBack = ComRuleMapping.ToCom(Rule) with
        {
            RemoteAddresses = "10.0.0.0/255.0.0.0,10.20.0.11/255.255.255.255,fd00::/16",
            Profiles = 3,
        };

        var rule = ComRuleMapping.FromCom(readBack).Rule!;

        Assert.That(rule.RemoteAddresses, Is.EqualTo(AddressSet.Parse("10.0.0.0/8", "10.20.0.11", "fd00::/16")));
        Assert.That(Rule.Differences(rule), Is.Empty);
    }

    [Test]
    public void Every_planned_rule_survives_the_round_trip_through_COM_values()
    {
        foreach (var rule in ShippedPlans.Of("cluster.json").Rules)
        {
            Assert.That(rule.Differences(ComRuleMapping.FromCom(ComRuleMapping.ToCom(rule)).Rule!), Is.Empty, rule.Name);
        }
    }

    [TestCase(1, 1, 1, "protocol 1")]
    [TestCase(6, 2, 1, "outbound")]
    [TestCase(6, 1, 2, "action 2")]
    public void Rules_fwkit_cannot_manage_are_refused_with_a_fix(int protocol, int direction, int action, string what)
    {
        var values = ComRuleMapping.ToCom(Rule) with { Protocol = protocol, Direction = direction, Action = action };
        var read = ComRuleMapping.FromCom(values);
        Assert.That(read.Rule, Is.Null);
        Assert.That(read.Unmanageable, Does.Contain(what).And.Contain("move it to another group"));
    }

    [TestCase("not-an-address", "443", "remote addresses fwkit cannot read ('not-an-address')")]
    [TestCase("10.0.0.1", "443,NotAPortKeyword", "local ports fwkit cannot read ('443,NotAPortKeyword')")]
    public void A_token_fwkit_cannot_read_makes_the_rule_unmanageable(string addresses, string ports, string what)
    {
        var values = ComRuleMapping.ToCom(Rule) with { RemoteAddresses = addresses, LocalPorts = ports };
        var read = ComRuleMapping.FromCom(values);
        Assert.That(read.Rule, Is.Null);
        Assert.That(read.Unmanageable, Does.Contain(what).And.Contain("move it to another group"));
    }

    [Test]
    public void Names_the_firewall_refuses_are_refused_before_writing()
    {
        Assert.Throws<ArgumentException>(() => ComRuleMapping.ToCom(Rule with { Name = "fwkit-printeron-a|b" }));
        Assert.Throws<ArgumentException>(() => ComRuleMapping.ToCom(Rule with { Name = "All" }));
    }

    [Test]
    public void The_COM_constants_are_the_documented_values()
    {
        Assert.That((NetFwValues.ProtocolTcp, NetFwValues.ProtocolUdp), Is.EqualTo((6, 17)));
        Assert.That((NetFwValues.DirectionIn, NetFwValues.DirectionOut), Is.EqualTo((1, 2)));
        Assert.That((NetFwValues.ActionBlock, NetFwValues.ActionAllow), Is.EqualTo((0, 1)));
        Assert.That(NetFwValues.ProfileAll, Is.EqualTo(0x7FFFFFFF));
        Assert.That((NetFwValues.ModifyStateOk, NetFwValues.ModifyStateGroupPolicyOverride, NetFwValues.ModifyStateInboundBlocked), Is.EqualTo((0, 1, 2)));
    }
}
