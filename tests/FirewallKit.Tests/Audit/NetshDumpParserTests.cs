using FirewallKit.Core.Addresses;
using FirewallKit.Core.Audit;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Core.Validation;

namespace FirewallKit.Tests.Audit;

public class NetshDumpParserTests
{
    private const string Dashes = "----------------------------------------------------------------------";

    /// <param name="fields">Field lines, or arrays of them.</param>
    private static string Block(string name, params object[] fields) =>
        "\r\n" + $"{"Rule Name:",-38}{name}\r\n{Dashes}\r\n"
        + string.Concat(fields.SelectMany(f => f as string[] ?? [(string)f]).Select(f => f + "\r\n"));

    private static string Field(string label, string value) => $"{label + ":",-38}{value}";

    private static readonly string[] Verbose = [Field("InterfaceTypes", "Any"), Field("Security", "NotRequired"), Field("Rule source", "Local Setting")];

    [Test]
    public void A_program_scoped_rule_without_ports_or_service_lines_reads_as_netsh_printed_it()
    {
        // Real output: Protocol Any prints no port lines; no Service line when the rule names none.
        var text = Block("Virtual Desktop Streamer",
            Field("Enabled", "Yes"), Field("Direction", "In"), Field("Profiles", "Domain,Private,Public"), Field("Grouping", "Virtual Desktop Streamer"),
            Field("LocalIP", "Any"), Field("RemoteIP", "Any"), Field("Protocol", "Any"), Field("Edge traversal", "Yes"),
            Field("Program", @"C:\Program Files\Virtual Desktop Streamer\VirtualDesktop.Streamer.exe"),
            Verbose, Field("Action", "Allow")) + "Ok.\r\n";

        var rule = NetshDumpParser.Parse("dump.txt", text).Rules.Single();

        Assert.That(rule.DisplayName, Is.EqualTo("Virtual Desktop Streamer"));
        Assert.That(rule.Protocol, Is.EqualTo(IpProtocol.Any));
        Assert.That(rule.LocalPorts.IsAny, Is.True);
        Assert.That(rule.Program, Is.EqualTo(@"C:\Program Files\Virtual Desktop Streamer\VirtualDesktop.Streamer.exe"));
        Assert.That(rule.Service, Is.Null);
        Assert.That(rule.EdgeTraversal, Is.EqualTo(EdgeTraversal.Allow));
        Assert.That(rule.Store, Is.EqualTo(RuleStore.Local));
        Assert.That(rule.Location, Is.EqualTo("line 2"));
    }

    [Test]
    public void An_icmp_rule_keeps_its_type_table_out_of_the_protocol()
    {
        var text = Block("File and Printer Sharing (Echo Request - ICMPv4-In)",
            Field("Enabled", "No"), Field("Direction", "In"), Field("Profiles", "Private,Public"), Field("Grouping", "File and Printer Sharing"),
            Field("LocalIP", "Any"), Field("RemoteIP", "LocalSubnet"), Field("Protocol", "ICMPv4"),
            new string(' ', 38) + "Type    Code", new string(' ', 38) + "8       Any",
            Field("Edge traversal", "No"), Verbose, Field("Action", "Allow")) + "Ok.\r\n";

        var rule = NetshDumpParser.Parse("dump.txt", text).Rules.Single();

        Assert.That(rule.Protocol.Number, Is.EqualTo(1));
        Assert.That(rule.Enabled, Is.False);
        Assert.That(rule.Profiles, Is.EqualTo(NetworkProfiles.Private | NetworkProfiles.Public));
        Assert.That(rule.RemoteAddresses.Keywords, Is.EqualTo(new[] { AddressKeyword.LocalSubnet }));
        Assert.That(rule.RemoteAddresses.Ranges, Is.Empty);
    }

    [Test]
    public void Every_address_form_windows_prints_is_read()
    {
        var text = Block("Mixed", Field("Enabled", "Yes"), Field("Direction", "In"), Field("Profiles", "Domain"), Field("Grouping", string.Empty),
            Field("LocalIP", "Any"), Field("RemoteIP", "10.0.0.5/32,192.168.1.0/24,172.16.0.0/255.255.0.0,10.1.0.1-10.1.0.9,fd00::/16,DNS,DefaultGateway6"),
            Field("Protocol", "TCP"), Field("LocalPort", "5000-5010,8443"), Field("RemotePort", "Any"), Field("Edge traversal", "No"), Verbose, Field("Action", "Block"));

        var rule = NetshDumpParser.Parse("dump.txt", text).Rules.Single();

        Assert.That(rule.RemoteAddresses.Ranges.Select(r => r.ToString()), Is.EqualTo(new[] { "10.0.0.5", "10.1.0.1-10.1.0.9", "172.16.0.0/16", "192.168.1.0/24", "fd00::/16" }));
        Assert.That(rule.RemoteAddresses.Keywords.Select(k => k.ToString()), Is.EqualTo(new[] { "DNS", "DefaultGateway6" }));
        Assert.That(rule.LocalPorts.Contains(5005) && rule.LocalPorts.Contains(8443) && !rule.LocalPorts.Contains(5011), Is.True);
        Assert.That(rule.Group, Is.Empty);
    }

    [Test]
    public void Port_keywords_are_read_and_match_no_numbered_port()
    {
        var text = Block("Remote Service Management (RPC-EPMAP)", Field("Enabled", "Yes"), Field("Direction", "In"), Field("Profiles", "Domain"), Field("Grouping", "x"),
            Field("LocalIP", "Any"), Field("RemoteIP", "Any"), Field("Protocol", "TCP"), Field("LocalPort", "RPC-EPMap"), Field("RemotePort", "Any"), Verbose, Field("Action", "Allow"));

        var rule = NetshDumpParser.Parse("dump.txt", text).Rules.Single();

        Assert.That(rule.LocalPorts.Keywords, Is.EqualTo(new[] { PortKeyword.RpcEndpointMapper }));
        Assert.That(rule.LocalPorts.Contains(135), Is.False);
    }

    [Test]
    public void The_keywords_of_windows_own_rules_are_read_as_keywords_not_refused()
    {
        // Modelled on real stores: Play To rules scope to Ply2Renders (RA42=/RA62= in the rule string) with Ply2Disc ports.
        var text = Block("Play To UDP streaming", Field("Enabled", "Yes"), Field("Direction", "In"), Field("Profiles", "Private,Public"), Field("Grouping", "Play To"),
            Field("LocalIP", "Any"), Field("RemoteIP", "LocalSubnet,Ply2Renders4,RmtIntranet,fe80::/64"), Field("Protocol", "UDP"), Field("LocalPort", "Ply2Disc,mDNS,IPHTTPSIn"),
            Field("RemotePort", "Any"), Verbose, Field("Action", "Allow"));

        var rule = NetshDumpParser.Parse("dump.txt", text).Rules.Single();

        Assert.That(rule.RemoteAddresses.Keywords.Select(k => k.ToString()), Is.EquivalentTo(new[] { "LocalSubnet", "PlayToDevice4", "IntranetRemoteAccess" }));
        Assert.That(rule.LocalPorts.Keywords, Is.EquivalentTo(new[] { PortKeyword.PlayToDiscovery, PortKeyword.Mdns, PortKeyword.IpHttps }));
    }

    [Test]
    public void An_authenticated_bypass_rule_reads_as_bypass()
    {
        var text = Block("Admins past the block rules", Field("Enabled", "Yes"), Field("Direction", "In"), Field("Profiles", "Domain"), Field("Grouping", string.Empty),
            Field("LocalIP", "Any"), Field("RemoteIP", "Any"), Field("Protocol", "TCP"), Field("LocalPort", "5200"), Field("RemotePort", "Any"),
            Field("InterfaceTypes", "Any"), Field("Security", "Authenticate"), Field("Rule source", "Local Setting"), Field("Action", "Bypass"));

        var rule = NetshDumpParser.Parse("dump.txt", text).Rules.Single();

        Assert.That(rule.Action, Is.EqualTo(RuleAction.Bypass));
    }

    [Test]
    public void Profile_sections_give_each_profile_its_state()
    {
        var text = "\r\nDomain Profile Settings:\r\n" + Dashes + "\r\nState                                 OFF\r\nFirewall Policy                       BlockInbound,AllowOutbound\r\n"
            + "\r\nPrivate Profile Settings:\r\n" + Dashes + "\r\nState                                 ON\r\nFirewall Policy                       AllowInbound,AllowOutbound\r\n"
            + "\r\nPublic Profile Settings:\r\n" + Dashes + "\r\nState                                 ON\r\nFirewall Policy                       BlockInboundAlways,AllowOutbound\r\nLocalFirewallRules                    N/A (GPO-store only)\r\n\r\nLogging:\r\nMaxFileSize                           4096\r\n\r\nOk.\r\n"
            + Block("A", Field("Enabled", "Yes"), Field("Direction", "In"), Field("Profiles", "Domain"), Field("LocalIP", "Any"), Field("RemoteIP", "Any"), Field("Protocol", "Any"), Verbose, Field("Action", "Allow"));

        var firewall = NetshDumpParser.Parse("dump.txt", text);

        Assert.That(firewall.Profiles, Is.EqualTo(new[]
        {
            new ProfileState(NetworkProfiles.Domain, false, RuleAction.Block, true, true, true),
            new ProfileState(NetworkProfiles.Private, true, RuleAction.Allow, true, true, true),
            new ProfileState(NetworkProfiles.Public, true, RuleAction.Block, false, true, true),
        }));
        Assert.That(firewall.Notes, Is.Empty);
    }

    [Test]
    public void Without_profile_sections_windows_defaults_are_assumed_and_said()
    {
        var text = Block("A", Field("Enabled", "Yes"), Field("Direction", "In"), Field("Profiles", "Domain"), Field("LocalIP", "Any"), Field("RemoteIP", "Any"), Field("Protocol", "Any"), Verbose, Field("Action", "Allow"));

        var firewall = NetshDumpParser.Parse("dump.txt", text);

        Assert.That(firewall.Profiles.All(p => p.Enabled && !p.Known && p.DefaultInboundAction == RuleAction.Block), Is.True);
        Assert.That(firewall.Notes.Single(), Does.StartWith("the dump does not give the state of the Domain, Private, Public profiles: assumed on"));
    }

    [Test]
    public void A_dump_made_without_verbose_is_read_with_its_scopes_unknown_so_its_allow_rule_only_may_let_in()
    {
        // The non-verbose form, as scripts commonly capture it: no Program, Service, InterfaceTypes, Security or Rule source.
        var text = Block("Windows Remote Management (HTTP-In)", Field("Enabled", "Yes"), Field("Direction", "In"), Field("Profiles", "Domain,Private,Public"),
            Field("Grouping", "Windows Remote Management"), Field("LocalIP", "Any"), Field("RemoteIP", "Any"), Field("Protocol", "TCP"),
            Field("LocalPort", "5985"), Field("RemotePort", "Any"), Field("Edge traversal", "No"), Field("Action", "Allow")) + "Ok.\r\n";

        var firewall = NetshDumpParser.Parse("dump.txt", text);
        var reach = new FirewallEvaluator(firewall.Rules, firewall.Profiles).Evaluate(new AuditTarget(5985, TransportProtocol.Tcp), NetworkProfiles.Domain);

        Assert.That(firewall.Rules.Single().ScopesKnown, Is.False);
        Assert.That(firewall.Notes.Single(n => n.Contains("without 'verbose'", StringComparison.Ordinal)), Does.StartWith("1 of 1 rules were printed without 'verbose'"));
        Assert.That((reach.Certain.IsEmpty, reach.Possible.Contains(System.Net.IPAddress.Parse("198.51.100.7"))), Is.EqualTo((true, true)), "may let in, never certainly");
    }

    [Test]
    public void PowerShell_formatted_text_is_named_in_one_line_with_what_to_use_instead()
    {
        var list = "\r\nName                  : RemoteDesktop-UserMode-In-TCP\r\nDisplayName           : Remote Desktop\r\nEnabled               : True\r\n";
        var table = "\r\nName                          DisplayName\r\n----                          -----------\r\nRemoteDesktop-In-TCP          Remote Desktop\r\n";

        foreach (var text in new[] { list, table })
        {
            var error = Assert.Throws<InputException>(() => NetshDumpParser.Parse("dump.txt", text))!.Errors.Single();
            Assert.That(error.Message, Does.StartWith("this is PowerShell formatted text"));
            Assert.That(error.Fix, Does.Contain("JSON one-liner in docs/audit.md"));
        }
    }

    [Test]
    public void A_dump_with_many_bad_lines_is_one_summary_with_the_count_and_the_first_three()
    {
        var text = string.Concat(Enumerable.Range(0, 10).Select(i => $"garbage line {i}\r\n")) + Block("A", Field("Enabled", "Yes"));

        var errors = Assert.Throws<InputException>(() => NetshDumpParser.Parse("dump.txt", text))!.Errors;

        Assert.That(errors, Has.Count.EqualTo(4));
        Assert.That(errors[0].Message, Does.Match(@"^\d+ errors; the first 3 follow$"));
        Assert.That(errors.Skip(1).Select(e => e.Path), Is.EqualTo(new[] { "line 1", "line 2", "line 3" }));
    }

    [Test]
    public void Bad_values_are_reported_with_the_line_they_are_on()
    {
        var text = Block("A", Field("Enabled", "Ja"), Field("Direction", "In"), Field("Profiles", "Domain,Home"), Field("LocalIP", "Any"),
            Field("RemoteIP", "10.0.0.300"), Field("Protocol", "TCP"), Field("LocalPort", "99999"), Verbose, Field("Action", "Allow"));

        var errors = Assert.Throws<InputException>(() => NetshDumpParser.Parse("dump.txt", text))!.Errors;

        // Four errors: one line with the count, then the first three.
        Assert.That(errors.Select(e => $"{e.Path}: {e.Message}"), Is.EqualTo(new[]
        {
            "line 4: 4 errors; the first 3 follow",
            "line 4: 'Enabled: Ja' is not a value netsh prints",
            "line 6: 'Profiles: Domain,Home' is not a list of firewall profiles",
            "line 10: '99999' is not a port, a range or a port keyword",
        }));
        Assert.That(errors.All(e => e.File == "dump.txt" && e.Fix.Length > 0), Is.True);
    }

    [Test]
    public void Localised_output_is_named_in_one_line_with_a_pointer_to_the_language_independent_dumps()
    {
        var text = "\r\nRegelname:                            Remotedesktop\r\n" + Dashes + "\r\nAktiviert:                            Ja\r\nOk.\r\n";

        var error = Assert.Throws<InputException>(() => NetshDumpParser.Parse("dump.txt", text))!.Errors.Single();

        Assert.That(error.Path, Is.EqualTo("line 2"));
        Assert.That(error.Message, Does.StartWith("this netsh output is not in English ('Regelname:"));
        Assert.That(error.Fix, Does.Contain("netsh advfirewall export").And.Contain("JSON one-liner"));
    }

    [TestCase("Ok.")]
    [TestCase("")]
    [TestCase("----------")]
    [TestCase("Public Profile Settings:")]
    [TestCase("Rule Name:                            Another")]
    [TestCase("Action:                               Block")]
    public void A_description_line_netsh_could_print_as_structure_makes_the_dump_ambiguous(string inside)
    {
        var text = Block("Helper", Field("Description", "Helps."), inside, "more text",
            Field("Enabled", "Yes"), Field("Direction", "In"), Field("Profiles", "Domain"), Field("Grouping", "x"),
            Field("LocalIP", "Any"), Field("RemoteIP", "Any"), Field("Protocol", "TCP"), Field("LocalPort", "5200"), Field("RemotePort", "Any"),
            Field("Edge traversal", "No"), Verbose, Field("Action", "Allow")) + "Ok.\r\n";

        var error = Assert.Throws<InputException>(() => NetshDumpParser.Parse("dump.txt", text))!.Errors.Single();

        Assert.That(error.Message, Does.StartWith("the dump is ambiguous: rule 'Helper' (line 2)"));
        Assert.That(error.Fix, Does.Contain("PowerShell (JSON) dump"));
    }

    [Test]
    public void A_multi_line_description_of_plain_text_is_read_whole()
    {
        var text = Block("Helper", Field("Description", "Helps."), "Second line of prose", "and a third",
            Field("Enabled", "Yes"), Field("Direction", "In"), Field("Profiles", "Domain"), Field("Grouping", "x"),
            Field("LocalIP", "Any"), Field("RemoteIP", "Any"), Field("Protocol", "TCP"), Field("LocalPort", "5200"), Field("RemotePort", "Any"),
            Field("Edge traversal", "No"), Verbose, Field("Action", "Allow")) + "Ok.\r\n";

        var rule = NetshDumpParser.Parse("dump.txt", text).Rules.Single();

        Assert.That(rule.Enabled, Is.True);
        Assert.That(rule.LocalPorts.Contains(5200), Is.True);
    }

    [Test]
    public void An_IPv4_mapped_address_in_a_dump_stays_IPv6_and_is_noted()
    {
        // Windows filters IPv4 traffic at its IPv4 layers: a mapped entry does not match an IPv4 client.
        var text = Block("Mapped", Field("Enabled", "Yes"), Field("Direction", "In"), Field("Profiles", "Domain"), Field("Grouping", string.Empty),
            Field("LocalIP", "Any"), Field("RemoteIP", "::ffff:0.0.0.0/96"), Field("Protocol", "TCP"), Field("LocalPort", "5200"), Field("RemotePort", "Any"),
            Field("Edge traversal", "No"), Verbose, Field("Action", "Block"));

        var firewall = NetshDumpParser.Parse("dump.txt", text);

        var range = firewall.Rules.Single().RemoteAddresses.Ranges.Single();
        Assert.That(range.Family, Is.EqualTo(IpFamily.V6));
        Assert.That(range.ToString(), Is.EqualTo("::ffff:0.0.0.0/96").Or.EqualTo("::ffff:0:0/96"));
        Assert.That(firewall.Notes, Has.Some.Contains("'Mapped' name IPv4-mapped IPv6 addresses"));
    }

    [Test]
    public void A_rule_name_over_its_limit_is_refused()
    {
        var text = Block(new string('n', 5000), Field("Enabled", "Yes"), Field("Direction", "In"), Field("Profiles", "Domain"), Field("Grouping", "x"),
            Field("LocalIP", "Any"), Field("RemoteIP", "Any"), Field("Protocol", "TCP"), Field("LocalPort", "5200"), Field("RemotePort", "Any"),
            Field("Edge traversal", "No"), Verbose, Field("Action", "Allow"));

        var error = Assert.Throws<InputException>(() => NetshDumpParser.Parse("dump.txt", text))!.Errors.Single();

        Assert.That(error.Message, Is.EqualTo("the rule name is 5,000 characters long, more than the 4,096 allowed"));
    }
}
