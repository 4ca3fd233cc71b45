using System.Runtime.InteropServices;
using FirewallKit.Core.RuleWords;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Tests.Windows.Fake;

/// <summary>The fake behaves as Windows documents, seen from the production interop through native vtables.</summary>
public class FakeFirewallTests
{
    private FakeFirewall _fake = null!;
    private NetFwPolicy _policy = null!;
    private NetFwRules _rules = null!;

    [SetUp]
    public void Open()
    {
        _fake = new FakeFirewall();
        _policy = new NetFwPolicy(_fake);
        _rules = _policy.OpenRules();
    }

    [TearDown]
    public void Close()
    {
        _rules.Dispose();
        _policy.Dispose();
    }

    [Test]
    public void A_new_rule_object_is_disabled_and_matches_anything()
    {
        using var rule = _policy.CreateRule();

        var record = ComRuleReader.Read(rule.Interface);

        Assert.That(record.Enabled, Is.False);
        Assert.That(record.Protocol, Is.EqualTo(256));
        Assert.That((record.LocalPorts, record.RemotePorts, record.LocalAddresses, record.RemoteAddresses), Is.EqualTo(("*", "*", "*", "*")));
        Assert.That(record.Profiles, Is.EqualTo(0x7FFFFFFF));
        Assert.That(record.InterfaceTypes, Is.EqualTo("All"));
        Assert.That(record.Interfaces, Is.Null);
    }

    [Test]
    public void An_added_rule_stays_disabled_until_Enabled_is_put()
    {
        using var rule = _policy.CreateRule();
        rule.Interface.put_Name("no-enable");

        _rules.Add(rule);

        Assert.That(_fake.Rules.Single().Record.Enabled, Is.False);
        rule.Interface.put_Enabled(true);
        Assert.That(_fake.Rules.Single().Record.Enabled, Is.True);
    }

    [Test]
    public void Remote_addresses_read_back_in_Windows_form()
    {
        using var rule = _policy.CreateRule();

        rule.Interface.put_RemoteAddresses("10.0.0.0/8,192.168.1.5,dhcp,localsubnet,fd00::/16,2001:db8::1,10.1.1.1-10.1.1.9,172.16.0.0/255.240.0.0");

        Assert.That(rule.Interface.get_RemoteAddresses(), Is.EqualTo(
            "LocalSubnet,DHCP,10.0.0.0/255.0.0.0,192.168.1.5/255.255.255.255,172.16.0.0/255.240.0.0,10.1.1.1-10.1.1.9,fd00::/16,2001:db8::1-2001:db8::1"));
    }

    [Test]
    public void A_single_IPv6_address_reads_back_as_the_range_of_itself_and_a_128_prefix_as_written()
    {
        using var rule = _policy.CreateRule();

        rule.Interface.put_RemoteAddresses("2001:DB8:0:0::7,fd00::9/128");

        Assert.That(rule.Interface.get_RemoteAddresses(), Is.EqualTo("fd00::9/128,2001:db8::7-2001:db8::7"));
    }

    [Test]
    public void Keywords_read_back_in_Windows_order_and_its_own_spellings()
    {
        using var rule = _policy.CreateRule();

        rule.Interface.put_RemoteAddresses("captiveportal,RMTINTRANET,ply2renders,internet,Intranet,Defaultgateway,wins,dhcp,dns,localsubnet");

        Assert.That(rule.Interface.get_RemoteAddresses(), Is.EqualTo("LocalSubnet,DNS,DHCP,WINS,DefaultGateway,IntrAnet,IntErnet,Ply2Renders,RmtIntrAnet,CaptivePortal"));
    }

    [TestCase("0.0.0.0/0")]
    [TestCase("10.0.0.0/0.0.0.0")]
    [TestCase("::/0")]
    [TestCase("::1")]
    [TestCase("::")]
    [TestCase("::-::ffff")]
    [TestCase("fd00::/16,::1/128")]
    public void Addresses_the_protocol_forbids_fail_with_status_invalid_parameter(string addresses)
    {
        using var rule = _policy.CreateRule();

        var error = Assert.Catch(() => rule.Interface.put_RemoteAddresses(addresses));

        Assert.That(error!.HResult, Is.EqualTo(ComErrors.InvalidParameter));
        Assert.That(rule.Interface.get_RemoteAddresses(), Is.EqualTo("*"));
    }

    [TestCase("PlayToDevice")]
    [TestCase("IntranetRemoteAccess")]
    [TestCase("server.example.com")]
    [TestCase("*,10.0.0.1")]
    [TestCase("10.0.0.9-10.0.0.1")]
    public void Undocumented_keywords_and_malformed_addresses_are_invalid_arguments(string addresses)
    {
        using var rule = _policy.CreateRule();

        var error = Assert.Catch(() => rule.Interface.put_RemoteAddresses(addresses));

        Assert.That(error!.HResult, Is.EqualTo(ComErrors.InvalidArgument));
    }

    [Test]
    public void Local_addresses_take_no_keywords()
    {
        using var rule = _policy.CreateRule();

        var error = Assert.Catch(() => rule.Interface.put_LocalAddresses("LocalSubnet"));

        Assert.That(error!.HResult, Is.EqualTo(ComErrors.InvalidArgument));
    }

    [Test]
    public void A_list_of_more_than_1000_addresses_is_refused()
    {
        using var rule = _policy.CreateRule();
        static string Hosts(int count) => string.Join(",", Enumerable.Range(0, count).Select(i => $"10.0.{i / 256}.{i % 256}"));

        rule.Interface.put_RemoteAddresses(Hosts(1000));
        var error = Assert.Catch(() => rule.Interface.put_RemoteAddresses(Hosts(1001)));

        Assert.That(error!.HResult, Is.EqualTo(ComErrors.InvalidArgument));
        Assert.That(rule.Interface.get_RemoteAddresses()!.Split(','), Has.Length.EqualTo(1000));
    }

    [Test]
    public void Ports_on_a_rule_that_is_not_TCP_or_UDP_are_invalid()
    {
        using var rule = _policy.CreateRule();

        var error = Assert.Catch(() => rule.Interface.put_LocalPorts("443"));

        Assert.That(error!.HResult, Is.EqualTo(ComErrors.InvalidArgument));
    }

    [Test]
    public void Protocol_cannot_leave_TCP_while_ports_are_set()
    {
        using var rule = _policy.CreateRule();
        rule.Interface.put_Protocol(6);
        rule.Interface.put_LocalPorts("443,8000-8010");

        var error = Assert.Catch(() => rule.Interface.put_Protocol(1));

        Assert.That(error!.HResult, Is.EqualTo(ComErrors.InvalidArgument));
        rule.Interface.put_LocalPorts("*");
        rule.Interface.put_Protocol(1);
        Assert.That(rule.Interface.get_Protocol(), Is.EqualTo(1));
    }

    [Test]
    public void Profiles_with_all_three_bits_read_back_as_all()
    {
        using var rule = _policy.CreateRule();

        rule.Interface.put_Profiles(7);

        Assert.That(rule.Interface.get_Profiles(), Is.EqualTo(0x7FFFFFFF));
    }

    [Test]
    public void Item_matches_names_without_regard_to_case_and_returns_the_first_duplicate()
    {
        _fake.Seed(ComRuleRecords.Allow("Web", port: "80"));
        _fake.Seed(ComRuleRecords.Allow("web", port: "8080"));

        using var found = _rules.TryItem("WEB");

        Assert.That(found!.Interface.get_LocalPorts(), Is.EqualTo("80"));
    }

    [Test]
    public void A_missing_rule_is_an_HRESULT_not_an_exception()
    {
        using var raw = ComReference<INetFwRules>.Attach(_policy.Interface.get_Rules());

        var result = raw.Interface.Item("absent", out var pointer);

        Assert.That(result, Is.EqualTo(ComErrors.FileNotFound));
        Assert.That(pointer, Is.EqualTo(nint.Zero));
        Assert.That(_rules.TryItem("absent"), Is.Null);
    }

    [Test]
    public void Remove_deletes_one_of_several_same_named_rules_and_is_silent_when_none_is_left()
    {
        _fake.Seed(ComRuleRecords.Allow("dup", port: "80"));
        _fake.Seed(ComRuleRecords.Allow("DUP", port: "81"));

        _rules.Remove("dup");
        Assert.That(_fake.Rules.Select(r => r.Record.LocalPorts), Is.EqualTo(new[] { "81" }));
        _rules.Remove("dup");
        _rules.Remove("dup");

        Assert.That(_fake.Rules, Is.Empty);
    }

    [Test]
    public void Every_put_on_a_stored_rule_commits_on_its_own()
    {
        _fake.Seed(ComRuleRecords.Allow("live"));
        using var rule = _rules.TryItem("live")!;

        rule.Interface.put_LocalPorts("8443");
        rule.Interface.put_RemoteAddresses("10.9.0.0/16");

        Assert.That(_fake.CommittedStates, Has.Count.EqualTo(2));
        Assert.That(_fake.CommittedStates[0].Single().LocalPorts, Is.EqualTo("8443"));
        Assert.That(_fake.CommittedStates[0].Single().RemoteAddresses, Is.EqualTo("10.0.0.0/255.0.0.0"));
        Assert.That(_fake.CommittedStates[1].Single().RemoteAddresses, Is.EqualTo("10.9.0.0/255.255.0.0"));
    }

    [Test]
    public void Puts_on_a_new_rule_commit_nothing_until_it_is_added()
    {
        using var rule = _policy.CreateRule();
        rule.Interface.put_Name("new");
        rule.Interface.put_Protocol(6);

        Assert.That(_fake.CommittedStates, Is.Empty);
        _rules.Add(rule);
        Assert.That(_fake.CommittedStates, Has.Count.EqualTo(1));
        Assert.That(_fake.Writes, Is.EqualTo(1));
    }

    [Test]
    public void Adding_a_rule_twice_is_unexpected()
    {
        using var rule = _policy.CreateRule();
        rule.Interface.put_Name("once");
        _rules.Add(rule);

        var error = Assert.Catch(() => _rules.Add(rule));

        Assert.That(error!.HResult, Is.EqualTo(ComErrors.Unexpected));
    }

    [TestCase("all")]
    [TestCase("a|b")]
    public void Names_Windows_refuses_are_invalid(string name)
    {
        using var rule = _policy.CreateRule();

        var error = Assert.Catch(() => rule.Interface.put_Name(name));

        Assert.That(error!.HResult, Is.EqualTo(ComErrors.InvalidArgument));
    }

    [Test]
    public void A_fault_on_one_put_of_one_rule_fails_that_call_only_and_changes_nothing()
    {
        _fake.Seed(ComRuleRecords.Allow("target"));
        _fake.Seed(ComRuleRecords.Allow("other"));
        var fault = _fake.FailOn(nameof(INetFwRule.put_RemoteAddresses), "target", ComErrors.AccessDenied);
        using var target = _rules.TryItem("target")!;
        using var other = _rules.TryItem("other")!;

        other.Interface.put_RemoteAddresses("10.2.0.0/16");
        var error = Assert.Catch(() => target.Interface.put_RemoteAddresses("10.3.0.0/16"));
        target.Interface.put_RemoteAddresses("10.4.0.0/16");

        Assert.That(error!.HResult, Is.EqualTo(ComErrors.AccessDenied));
        Assert.That(fault.Hits, Has.Count.EqualTo(1));
        Assert.That(_fake.CommittedStates.Select(s => s[0].RemoteAddresses), Is.EqualTo(new[] { "10.0.0.0/255.0.0.0", "10.4.0.0/255.255.0.0" }));
    }

    [Test]
    public void The_nth_put_can_be_failed()
    {
        using var rule = _policy.CreateRule();
        _fake.FailNthPut(2, ComErrors.AccessDenied);

        rule.Interface.put_Name("first");
        Assert.Catch(() => rule.Interface.put_Description("second"));
        rule.Interface.put_Description("third");

        Assert.That(rule.Interface.get_Description(), Is.EqualTo("third"));
    }

    [Test]
    public void A_fault_on_Item_comes_back_as_its_HRESULT()
    {
        _fake.Fail(call => call.Member == nameof(INetFwRules.Item), ComErrors.AccessDenied);

        var error = Assert.Catch(() => _rules.TryItem("x"));

        Assert.That(error!.HResult, Is.EqualTo(ComErrors.AccessDenied));
    }

    [Test]
    public void Enumeration_yields_every_rule_in_store_order()
    {
        _fake.Seed(ComRuleRecords.Allow("one"));
        _fake.Seed(ComRuleRecords.Allow("two"));
        _fake.Seed(ComRuleRecords.Allow("three") with { Grouping = "Someone else" });

        var names = new List<string?>();
        foreach (var rule in _rules.Enumerate())
        {
            using (rule)
            {
                names.Add(rule.Interface.get_Name());
            }
        }

        Assert.That(names, Is.EqualTo(new[] { "one", "two", "three" }));
        Assert.That(_rules.Count, Is.EqualTo(3));
    }

    [Test]
    public void Per_profile_settings_take_one_profile_at_a_time()
    {
        var error = Assert.Catch(() => _policy.Interface.get_FirewallEnabled(0x7FFFFFFF));

        Assert.That(error!.HResult, Is.EqualTo(ComErrors.InvalidArgument));
    }
}
