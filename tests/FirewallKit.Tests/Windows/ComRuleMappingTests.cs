using FirewallKit.Core.Addresses;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Windows;
using FirewallKit.Windows.Interop;

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

    [TestCase(NetworkProfiles.Domain, 1)]
    [TestCase(NetworkProfiles.Private, 2)]
    [TestCase(NetworkProfiles.Public, 4)]
    [TestCase(NetworkProfiles.Domain | NetworkProfiles.Private, 3)]
    [TestCase(NetworkProfiles.All, 0x7FFFFFFF)]
    public void Profiles_map_to_the_COM_bitmask_and_back(NetworkProfiles profiles, int mask)
    {
        Assert.That(ComRuleMapping.ProfileMask(profiles), Is.EqualTo(mask));
        Assert.That(ComRuleMapping.ProfilesFromMask(mask), Is.EqualTo(profiles));
    }

    [TestCase("IntrAnet", "Intranet")]
    [TestCase("IntErnet", "Internet")]
    [TestCase("Ply2Renders", "PlayToDevice")]
    [TestCase("RmtIntrAnet", "IntranetRemoteAccess")]
    [TestCase("RmtIntranet", "IntranetRemoteAccess")]
    [TestCase("CaptivePortal", "CaptivePortal")]
    [TestCase("Defaultgateway", "DefaultGateway")]
    [TestCase("LocalSubnet,DNS,DHCP,WINS,DefaultGateway,IntrAnet,IntErnet,Ply2Renders,RmtIntrAnet,CaptivePortal", "LocalSubnet,DNS,DHCP,WINS,DefaultGateway,Intranet,Internet,PlayToDevice,IntranetRemoteAccess,CaptivePortal")]
    [TestCase("fd00::5-fd00::5", "fd00::5")]
    [TestCase("10.0.0.0/255.0.0.0,2001:db8::7-2001:db8::7,fd00::/16", "10.0.0.0/8,2001:db8::7,fd00::/16")]
    public void Remote_addresses_in_the_spellings_Windows_reads_back_are_the_same_addresses(string windows, string fwkit)
    {
        var read = ComRuleMapping.FromRecord(ComRuleMapping.ToRecord(Rule) with { RemoteAddresses = windows });

        Assert.That(read.Rule, Is.Not.Null, read.Unrepresentable);
        Assert.That(read.Rule!.RemoteAddresses, Is.EqualTo(AddressSet.ParseList(fwkit)));
    }

    [Test]
    public void Direction_and_action_use_the_COM_values()
    {
        var allow = ComRuleMapping.ToRecord(Rule);
        var block = ComRuleMapping.ToRecord(Rule with { Action = RuleAction.Block });

        Assert.That(allow.Direction, Is.EqualTo(1));
        Assert.That(allow.Action, Is.EqualTo(1));
        Assert.That(block.Action, Is.EqualTo(0));
        Assert.That(allow.Enabled, Is.True, "COM creates rules disabled; fwkit must say enabled");
    }

    [Test]
    public void Every_field_the_plan_does_not_set_is_written_as_empty_any_or_off()
    {
        var record = ComRuleMapping.ToRecord(Rule);

        Assert.That(
            (record.ApplicationName, record.ServiceName, record.RemotePorts, record.LocalAddresses, record.IcmpTypesAndCodes, record.Interfaces, record.InterfaceTypes),
            Is.EqualTo(((string?)null, (string?)null, "*", "*", (string?)null, (IReadOnlyList<string>?)null, "All")));
        Assert.That((record.EdgeTraversal, record.EdgeTraversalOptions, record.SecureFlags), Is.EqualTo((false, 0, 0)));
        Assert.That(new[] { record.LocalAppPackageId, record.LocalUserOwner, record.LocalUserAuthorizedList, record.RemoteUserAuthorizedList, record.RemoteMachineAuthorizedList }, Is.All.Null);
    }

    [Test]
    public void The_stable_rule_name_is_the_COM_name_and_the_display_name_leads_the_description()
    {
        var record = ComRuleMapping.ToRecord(Rule);

        Assert.That(record.Name, Is.EqualTo("fwkit-printeron-tcp-443-allow"));
        Assert.That(record.Grouping, Is.EqualTo(TestRules.Group));
        Assert.That(record.Description, Is.EqualTo("Test rule tcp-443-allow (TCP 443)\r\nA test rule for port 443. Managed by fwkit."));
        Assert.That(ComRuleMapping.SplitDescription(record.Description!), Is.EqualTo((Rule.DisplayName, Rule.Description)));
        Assert.That(ComRuleMapping.SplitDescription("Just a description"), Is.EqualTo(("Just a description", string.Empty)));
    }

    [TestCase(new[] { "10.0.0.0/8", "fd00::/16" }, "10.0.0.0/8,fd00::/16")]
    [TestCase(new[] { "10.20.0.12", "10.20.0.11" }, "10.20.0.11-10.20.0.12")]
    [TestCase(new[] { "Any" }, "*")]
    [TestCase(new[] { "10.0.0.0/255.255.255.0", "LocalSubnet" }, "10.0.0.0/24,LocalSubnet")]
    [TestCase(new[] { "0.0.0.0/0" }, "0.0.0.0-126.255.255.255,128.0.0.0/1")]
    [TestCase(new[] { "::/0" }, "::2-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [TestCase(new[] { "::", "10.1.2.3" }, "10.1.2.3")]
    [TestCase(new[] { "127.0.0.1", "::1", "10.1.2.3" }, "10.1.2.3")]
    public void Addresses_are_written_in_forms_COM_accepts(string[] addresses, string com) =>
        Assert.That(ComRuleMapping.AddressList(Rule with { RemoteAddresses = AddressSet.Parse(addresses) }), Is.EqualTo(com));

    [Test]
    public void No_prefix_0_and_no_unspecified_or_loopback_IPv6_reaches_COM_for_any_shipped_plan()
    {
        foreach (var profile in new[] { "cluster.json", "multi-server.json", "single-server.json", "pdg-disabled.json" })
        {
            foreach (var rule in ShippedPlans.Of(profile).Rules)
            {
                var tokens = ComRuleMapping.ToRecord(rule).RemoteAddresses!.Split(',');
                Assert.That(tokens, Has.None.EndsWith("/0").And.None.EqualTo("::").And.None.StartsWith("::-").And.None.EqualTo("::1"), $"{profile} {rule.Name}");
            }
        }
    }

    [TestCase("Internet")]
    [TestCase("Intranet")]
    [TestCase("PlayToDevice")]
    [TestCase("LocalSubnet4")]
    public void Undocumented_keywords_are_refused_naming_the_rule_and_the_fix(string keyword)
    {
        var rule = Rule with { RemoteAddresses = AddressSet.Parse("10.0.0.0/8", keyword) };

        var error = Assert.Throws<FirewallStoreException>(() => ComRuleMapping.ToRecord(rule));

        Assert.That(error!.Message, Does.Contain(Rule.Name).And.Contain(keyword).And.Contain("replace it with addresses").And.Contain("fwkit export"));
    }

    [TestCase("LocalSubnet")]
    [TestCase("dns")]
    [TestCase("DHCP")]
    [TestCase("WINS")]
    [TestCase("DefaultGateway")]
    public void Documented_keywords_pass(string keyword) =>
        Assert.That(ComRuleMapping.ToRecord(Rule with { RemoteAddresses = AddressSet.Parse(keyword) }).RemoteAddresses, Is.EqualTo(AddressKeyword.Parse(keyword, null).ToString()));

    [Test]
    public void An_address_list_COM_cannot_hold_at_all_is_refused_because_an_empty_list_would_mean_any()
    {
        Assert.Throws<FirewallStoreException>(() => ComRuleMapping.ToRecord(Rule with { RemoteAddresses = AddressSet.Empty }));
        Assert.Throws<FirewallStoreException>(() => ComRuleMapping.ToRecord(Rule with { RemoteAddresses = AddressSet.Parse("::") }));
    }

    [TestCase(new[] { "443" }, "443")]
    [TestCase(new[] { "48300", "49300", "50300" }, "48300,49300,50300")]
    [TestCase(new[] { "Any" }, "*")]
    [TestCase(new[] { "RPCEPMap" }, "RPC-EPMap")]
    public void Ports_are_comma_joined_in_COM_spelling(string[] ports, string com) =>
        Assert.That(ComRuleMapping.PortList(PortSet.Parse(ports)), Is.EqualTo(com));

    [Test]
    public void The_firewalls_read_back_strings_map_to_an_equivalent_rule()
    {
        var readBack = ComRuleMapping.ToRecord(Rule) with
        {
            RemoteAddresses = "10.0.0.0/255.0.0.0,10.20.0.11/255.255.255.255,fd00::/16",
            Profiles = 3,
            RemotePorts = null,
            LocalAddresses = null,
            InterfaceTypes = "all",
        };

        var rule = ComRuleMapping.FromRecord(readBack).Rule!;

        Assert.That(rule.RemoteAddresses, Is.EqualTo(AddressSet.Parse("10.0.0.0/8", "10.20.0.11", "fd00::/16")));
        Assert.That(Rule.Differences(rule), Is.Empty);
    }

    [Test]
    public void Every_planned_rule_survives_the_round_trip_through_a_COM_record()
    {
        foreach (var rule in ShippedPlans.Of("cluster.json").Rules)
        {
            var stored = ComRuleMapping.AsStored(rule);
            var written = ComRuleMapping.ToRecord(rule);
            var readBack = ComRuleMapping.FromRecord(written).Rule!;
            Assert.That(stored.Differences(readBack), Is.Empty, rule.Name);
            Assert.That(stored.Differences(rule), Is.Empty.Or.EqualTo(new[] { RuleFields.RemoteAddresses.Name }), rule.Name);
        }
    }

    [Test]
    public void Each_field_the_plan_leaves_unset_is_drift_when_set_by_hand()
    {
        var planned = ComRuleMapping.ToRecord(Rule);
        var everything = ComRuleRecords.EveryFieldSet(Rule.Name) with
        {
            Description = planned.Description,
            Grouping = planned.Grouping,
            Protocol = planned.Protocol,
            LocalPorts = planned.LocalPorts,
            RemoteAddresses = planned.RemoteAddresses,
            Profiles = planned.Profiles,
            Action = planned.Action,
        };

        var read = ComRuleMapping.FromRecord(everything).Rule!;

        Assert.That(Rule.Differences(read), Is.EqualTo(new[]
        {
            "applicationName", "edgeTraversalOptions", "icmpTypesAndCodes", "interfaceTypes", "interfaces", "localAddresses", "localAppPackageId",
            "localUserAuthorizedList", "localUserOwner", "remoteMachineAuthorizedList", "remotePorts", "remoteUserAuthorizedList", "secureFlags", "serviceName",
        }));
    }

    [Test]
    public void A_hand_edited_rule_maps_back_to_the_same_record_so_a_rollback_restores_the_edit()
    {
        var edited = ComRuleMapping.ToRecord(Rule) with { ApplicationName = @"C:\evil.exe", RemotePorts = "1024-65535", Interfaces = ["Ethernet", "Wi-Fi"], EdgeTraversal = true, EdgeTraversalOptions = 1, SecureFlags = 2 };

        var read = ComRuleMapping.FromRecord(edited).Rule!;

        Assert.That(ComRuleFields.Differences(ComRuleMapping.ToRecord(read), edited), Is.Empty);
    }

    [Test]
    public void Unset_fields_keep_the_spelling_the_store_already_holds_so_an_unchanged_rule_takes_no_put()
    {
        var held = ComRuleMapping.ToRecord(Rule) with { RemotePorts = null, LocalAddresses = null, InterfaceTypes = "ALL", IcmpTypesAndCodes = "*" };

        Assert.That(ComRuleFields.Differences(held, ComRuleMapping.ToRecord(Rule, held)), Is.Empty);
    }

    [TestCase(1, 1, 1, "is an ICMPv4 rule")]
    [TestCase(58, 1, 1, "is an ICMPv6 rule")]
    [TestCase(256, 1, 1, "matches any protocol")]
    [TestCase(47, 1, 1, "has protocol 47")]
    [TestCase(6, 2, 1, "is an outbound rule")]
    [TestCase(6, 1, 2, "has action 2")]
    public void Rules_fwkit_cannot_represent_say_why(int protocol, int direction, int action, string why)
    {
        var record = ComRuleMapping.ToRecord(Rule) with { Protocol = protocol, Direction = direction, Action = action };

        var read = ComRuleMapping.FromRecord(record);

        Assert.That(read.Rule, Is.Null);
        Assert.That(read.Name, Is.EqualTo(Rule.Name));
        Assert.That(read.Unrepresentable, Is.EqualTo(why + ", which fwkit cannot manage"));
    }

    [TestCase("not-an-address", "443", "remote addresses fwkit cannot read ('not-an-address')")]
    [TestCase("10.0.0.1", "443,NotAPortKeyword", "local ports fwkit cannot read ('443,NotAPortKeyword')")]
    public void A_token_fwkit_cannot_read_makes_the_rule_unrepresentable(string addresses, string ports, string what)
    {
        var record = ComRuleMapping.ToRecord(Rule) with { RemoteAddresses = addresses, LocalPorts = ports };

        var read = ComRuleMapping.FromRecord(record);

        Assert.That(read.Rule, Is.Null);
        Assert.That(read.Unrepresentable, Does.Contain(what));
    }

    [Test]
    public void Names_the_firewall_refuses_are_refused_before_writing()
    {
        Assert.Throws<FirewallStoreException>(() => ComRuleMapping.ToRecord(Rule with { Name = "fwkit-printeron-a|b" }));
        Assert.Throws<FirewallStoreException>(() => ComRuleMapping.ToRecord(Rule with { Name = "All" }));
    }

    [Test]
    public void The_COM_constants_are_the_documented_values()
    {
        Assert.That((NetFwValues.ProtocolTcp, NetFwValues.ProtocolUdp, NetFwValues.ProtocolIcmpV4, NetFwValues.ProtocolIcmpV6, NetFwValues.ProtocolAny), Is.EqualTo((6, 17, 1, 58, 256)));
        Assert.That((NetFwValues.DirectionIn, NetFwValues.DirectionOut), Is.EqualTo((1, 2)));
        Assert.That((NetFwValues.ActionBlock, NetFwValues.ActionAllow), Is.EqualTo((0, 1)));
        Assert.That(NetFwValues.ProfileAll, Is.EqualTo(0x7FFFFFFF));
        Assert.That((NetFwValues.ModifyStateOk, NetFwValues.ModifyStateGroupPolicyOverride, NetFwValues.ModifyStateInboundBlocked), Is.EqualTo((0, 1, 2)));
    }
}
