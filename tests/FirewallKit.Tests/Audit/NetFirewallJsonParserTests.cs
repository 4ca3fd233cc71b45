using System.Text;
using FirewallKit.Core.Audit;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Core.Validation;

namespace FirewallKit.Tests.Audit;

public class NetFirewallJsonParserTests
{
    private static ObservedFirewall Parse(string json) => NetFirewallJsonParser.Parse("dump.json", Encoding.UTF8.GetBytes(json));

    [Test]
    public void A_store_app_rule_keeps_its_package_owner_and_scopes_so_it_is_not_read_as_an_allow_all()
    {
        var firewall = Parse("""
            { "Rules": [ { "Name": "{78E1CD88-49E3-476E-B926-580E596AD309}", "DisplayName": "Microsoft Photos", "Group": "", "DisplayGroup": "",
                "Enabled": "True", "Direction": "Inbound", "Action": "Allow", "Profile": "Any", "EdgeTraversalPolicy": "Block",
                "PolicyStoreSourceType": "Local", "Protocol": "Any", "LocalPort": ["Any"], "RemotePort": ["Any"],
                "LocalAddress": ["Any"], "RemoteAddress": ["Any"], "Program": "Any", "Package": "S-1-15-2-1430448594-2639229838-973813799-439329657",
                "Owner": "S-1-5-21-1-2-3-1001", "Service": "Any", "InterfaceAlias": ["Any"], "InterfaceType": "Any",
                "Authentication": "NotRequired", "Encryption": "NotRequired", "LocalUser": "Any", "RemoteUser": "Any", "RemoteMachine": "Any" } ] }
            """);

        var rule = firewall.Rules.Single();
        Assert.That((rule.Package, rule.Owner), Is.EqualTo(("S-1-15-2-1430448594-2639229838-973813799-439329657", "S-1-5-21-1-2-3-1001")));
        Assert.That((rule.LocalUsers, rule.RemoteUsers, rule.RemoteMachines, rule.Interfaces.Count), Is.EqualTo(((string?)null, (string?)null, (string?)null, 0)));
        var reach = new FirewallEvaluator(firewall.Rules, firewall.Profiles).Evaluate(new AuditTarget(5200, TransportProtocol.Tcp), NetworkProfiles.Public);
        Assert.That(reach.Certain.IsEmpty, Is.True, "only the app's own traffic may get in: nothing is certain");
        Assert.That(reach.Possible.Contains(System.Net.IPAddress.Parse("198.51.100.7")), Is.True, "but it may");
    }

    [Test]
    public void Enum_names_from_the_one_liner_are_read()
    {
        var firewall = Parse("""
            { "Rules": [ { "Name": "r1", "DisplayName": "R one", "Group": "@FirewallAPI.dll,-1", "DisplayGroup": "Remote Desktop",
                "Enabled": "True", "Direction": "Inbound", "Action": "Block", "Profile": "Domain, Public", "EdgeTraversalPolicy": "DeferToApp",
                "PolicyStoreSourceType": "GroupPolicy", "Protocol": "UDP", "LocalPort": ["5353"], "RemotePort": ["Any"],
                "LocalAddress": ["Any"], "RemoteAddress": ["10.0.0.0/255.0.0.0", "LocalSubnet4"], "Program": "Any", "Service": "dnscache",
                "InterfaceType": "Wired, Wireless", "Authentication": "NotRequired" } ],
              "Profiles": [ { "Name": "Domain", "Enabled": "True", "DefaultInboundAction": "NotConfigured", "AllowInboundRules": "NotConfigured", "AllowLocalFirewallRules": "False" } ] }
            """);

        var rule = firewall.Rules.Single();
        Assert.That(rule.Label, Is.EqualTo("'R one' (r1)"));
        Assert.That(rule.Group, Is.EqualTo("Remote Desktop"));
        Assert.That(rule.Action, Is.EqualTo(RuleAction.Block));
        Assert.That(rule.Profiles, Is.EqualTo(NetworkProfiles.Domain | NetworkProfiles.Public));
        Assert.That(rule.Store, Is.EqualTo(RuleStore.GroupPolicy));
        Assert.That(rule.RemoteAddresses.ToTokens(), Is.EqualTo(new[] { "10.0.0.0/8", "LocalSubnet4" }));
        Assert.That(rule.Program, Is.Null);
        Assert.That(rule.Service, Is.EqualTo("dnscache"));
        Assert.That(rule.InterfaceTypes, Is.EqualTo(InterfaceTypes.Lan | InterfaceTypes.Wireless));
        Assert.That(firewall.StateOf(NetworkProfiles.Domain), Is.EqualTo(new ProfileState(NetworkProfiles.Domain, true, RuleAction.Block, true, false, true)));
        Assert.That(firewall.Notes.Single(), Does.Contain("Private, Public profiles"));
    }

    [Test]
    public void Documented_CIM_numbers_single_strings_and_the_value_Count_wrapping_of_5_1_are_read()
    {
        var firewall = Parse("""
            { "Rules": { "value": [ { "Name": "r2", "DisplayName": "R two", "Enabled": 2, "Direction": 1, "Action": 2, "Profile": 0,
                "EdgeTraversalPolicy": 0, "Protocol": "6", "LocalPort": "8057", "RemotePort": "Any", "LocalAddress": "Any", "RemoteAddress": "10.30.0.1-10.30.0.9" } ], "Count": 1 } }
            """);

        var rule = firewall.Rules.Single();
        Assert.That(rule.Enabled, Is.False);
        Assert.That(rule.Action, Is.EqualTo(RuleAction.Allow));
        Assert.That(rule.Profiles, Is.EqualTo(NetworkProfiles.All));
        Assert.That(rule.Protocol, Is.EqualTo(IpProtocol.Tcp));
        Assert.That(rule.LocalPorts.Contains(8057), Is.True);
        Assert.That(rule.RemoteAddresses.ToTokens(), Is.EqualTo(new[] { "10.30.0.1-10.30.0.9" }));
        Assert.That(rule.Store, Is.EqualTo(RuleStore.Unknown));
    }

    [Test]
    public void Every_address_form_windows_prints_is_read_and_outbound_port_keywords_too()
    {
        var rule = Parse("""
            { "Rules": [ { "Name": "r2", "Enabled": "True", "Direction": "Outbound", "Action": "Allow", "Profile": "Any", "Protocol": "TCP",
                "LocalPort": "Any", "RemotePort": ["IPHTTPSOut"],
                "RemoteAddress": ["10.0.0.5", "172.16.0.0/255.255.0.0", "192.168.1.0/24", "10.1.0.1-10.1.0.9", "fd00::/16", "DNS"] } ] }
            """).Rules.Single();

        Assert.That(rule.RemoteAddresses.ToTokens(), Is.EqualTo(new[] { "10.0.0.5", "10.1.0.1-10.1.0.9", "172.16.0.0/16", "192.168.1.0/24", "fd00::/16", "DNS" }));
        Assert.That(rule.RemotePorts.Keywords, Is.EqualTo(new[] { PortKeyword.IpHttps }));
    }

    [Test]
    public void The_rule_string_spellings_of_keywords_are_read_as_keywords_not_refused()
    {
        var rule = Parse("""
            { "Rules": [ { "Name": "PlayTo-UDP-In", "Enabled": "True", "Direction": "Inbound", "Action": "Allow", "Profile": "Private, Public", "Protocol": "UDP",
                "LocalPort": ["Ply2Disc", "DHCP"], "RemotePort": "Any", "RemoteAddress": ["Ply2Renders", "RmtIntrAnet6", "defaultgateway", "CaptivePortal"] } ] }
            """).Rules.Single();

        Assert.That(rule.RemoteAddresses.ToTokens(), Is.EquivalentTo(new[] { "PlayToDevice", "IntranetRemoteAccess6", "DefaultGateway", "CaptivePortal" }));
        Assert.That(rule.LocalPorts.Keywords, Is.EquivalentTo(new[] { PortKeyword.PlayToDiscovery, PortKeyword.Dhcp }));
    }

    [TestCase("\"Allow\"", "\"OverrideBlockRules\": \"True\"")]
    [TestCase("\"Allow\"", "\"OverrideBlockRules\": true")]
    [TestCase("\"AllowBypass\"", "\"OverrideBlockRules\": \"False\"")]
    [TestCase("3", "\"Authentication\": \"Required\"")]
    public void An_authenticated_bypass_rule_reads_as_bypass(string action, string security)
    {
        var rule = Parse($$"""
            { "Rules": [ { "Name": "admins", "Enabled": "True", "Direction": "Inbound", "Action": {{action}}, "Profile": "Any", "Protocol": "TCP",
                "LocalPort": "5200", "RemoteAddress": "Any", "Authentication": "Required", {{security}} } ] }
            """).Rules.Single();

        Assert.That(rule.Action, Is.EqualTo(RuleAction.Bypass));
    }

    [Test]
    public void An_allow_rule_that_does_not_override_block_rules_stays_an_allow_rule()
    {
        var rule = Parse("""
            { "Rules": [ { "Name": "web", "Enabled": "True", "Direction": "Inbound", "Action": "Allow", "Profile": "Any", "Protocol": "TCP",
                "LocalPort": "5200", "RemoteAddress": "Any", "OverrideBlockRules": "False" } ] }
            """).Rules.Single();

        Assert.That(rule.Action, Is.EqualTo(RuleAction.Allow));
    }

    [Test]
    public void A_bad_address_is_reported_with_its_path_and_the_forms_windows_prints()
    {
        var error = Assert.Throws<InputException>(() => Parse("""
            { "Rules": [ { "Name": "r4", "Enabled": "True", "Direction": "Inbound", "Action": "Allow", "Profile": "Domain", "Protocol": "TCP",
                "RemoteAddress": ["10.0.0.0/24", "10.0.0.300"] } ] }
            """))!.Errors.Single();

        Assert.That(error.Path, Does.StartWith("$.Rules[0].RemoteAddress"));
        Assert.That(error.Message, Does.Contain("'10.0.0.300'"));
        Assert.That(error.Fix, Does.Contain("10.0.0.0/255.255.255.0").And.Contain("LocalSubnet"));
    }

    [Test]
    public void Bad_values_are_reported_with_their_path_and_line()
    {
        var error = Assert.Throws<InputException>(() => Parse("{\n  \"Rules\": [\n    { \"Name\": \"r3\", \"Enabled\": \"True\", \"Direction\": \"Inbound\", \"Action\": \"Allow\", \"Profile\": \"Domain\",\n      \"Protocol\": \"SCTP\" }\n  ]\n}\n"))!.Errors.Single();

        Assert.That(error.File, Is.EqualTo("dump.json"));
        Assert.That(error.Path, Is.EqualTo("$.Rules[0].Protocol (line 4)"));
        Assert.That(error.Message, Is.EqualTo("unknown protocol 'SCTP'"));
    }

    [Test]
    public void Numbers_the_CIM_classes_do_not_document_are_refused_with_a_pointer_to_the_one_liner()
    {
        var error = Assert.Throws<InputException>(() => Parse("""{ "Rules": [ { "Name": "r4", "Enabled": 1, "Direction": 1, "Action": 2, "Profile": 1, "Protocol": "TCP", "PolicyStoreSourceType": 2 } ] }"""))!.Errors.Single();

        Assert.That(error.Path, Does.StartWith("$.Rules[0].PolicyStoreSourceType"));
        Assert.That(error.Fix, Does.Contain("docs/audit.md"));
    }

    [Test]
    public void A_file_without_rules_is_refused()
    {
        var error = Assert.Throws<InputException>(() => Parse("""{ "rules": [] }"""))!.Errors.Single();

        Assert.That(error.Message, Is.EqualTo("the file has no \"Rules\" list"));
    }

    [Test]
    public void A_UTF16_dump_written_by_Windows_PowerShell_redirection_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fwkit-audit-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, """{ "Rules": [ { "Name": "r5", "Enabled": "True", "Direction": "Inbound", "Action": "Allow", "Profile": "Any", "Protocol": "Any" } ] }""", Encoding.Unicode);

            var firewall = new RuleDump(path).Read();

            Assert.That(firewall.Format, Is.EqualTo("powershell-json"));
            Assert.That(firewall.Rules.Single().Id, Is.EqualTo("r5"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
