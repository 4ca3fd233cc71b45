using FirewallKit.Core.RuleWords;
using FirewallKit.Tests.Windows.Fake;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Tests.Windows;

/// <summary>ComRuleReader and ComRuleWriter against the fake, every call through the generated marshalling.</summary>
public class ComRuleRoundTripTests
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
    public void Every_field_written_to_a_new_rule_reads_back()
    {
        var desired = ComRuleRecords.EveryFieldSet("full");

        using (var created = ComRuleWriter.CreateRule(_policy, desired))
        {
            _rules.Add(created);
        }

        using var stored = _rules.TryItem("full")!;
        var read = ComRuleReader.Read(stored.Interface);
        Assert.That(ComRuleFields.Differences(read, desired), Is.Empty);
        Assert.That(read.Interfaces, Is.EqualTo(new[] { "Ethernet", "Wi-Fi" }));
        Assert.That(_fake.Rules.Single().Record, Is.EqualTo(desired));
    }

    [Test]
    public void A_new_rule_gets_only_the_fields_that_differ_from_a_fresh_object_and_Enabled_last()
    {
        _fake.Calls.Clear();

        using var created = ComRuleWriter.CreateRule(_policy, ComRuleRecords.Allow("web"));

        var puts = _fake.Calls.Where(call => call.IsPut).Select(call => call.Member).ToList();
        Assert.That(puts, Is.EqualTo(new[] { "put_Name", "put_Description", "put_Grouping", "put_Protocol", "put_LocalPorts", "put_RemoteAddresses", "put_Enabled" }));
        Assert.That(_fake.CommittedStates, Is.Empty);
    }

    [Test]
    public void An_unchanged_rule_takes_no_puts()
    {
        var record = ComRuleRecords.EveryFieldSet("same");
        _fake.Seed(record);
        using var rule = _rules.TryItem("same")!;

        var put = ComRuleWriter.PutChanges(rule.Interface, ComRuleReader.Read(rule.Interface), record);

        Assert.That(put, Is.Empty);
        Assert.That(_fake.Writes, Is.Zero);
    }

    [Test]
    public void Only_the_fields_that_differ_are_put_each_committing_once()
    {
        _fake.Seed(ComRuleRecords.Allow("drifted") with { ApplicationName = @"C:\evil.exe", RemoteAddresses = "LocalSubnet" });
        using var rule = _rules.TryItem("drifted")!;

        var put = ComRuleWriter.PutChanges(rule.Interface, ComRuleReader.Read(rule.Interface), ComRuleRecords.Allow("drifted"));

        Assert.That(put, Is.EqualTo(new[] { ComRuleField.RemoteAddresses, ComRuleField.ApplicationName }));
        Assert.That(_fake.CommittedStates, Has.Count.EqualTo(2));
        Assert.That(_fake.Rules.Single().Record, Is.EqualTo(ComRuleRecords.Allow("drifted")));
    }

    [Test]
    public void A_rule_leaving_TCP_gets_its_ports_cleared_before_the_protocol_changes()
    {
        _fake.Seed(ComRuleRecords.Allow("to-icmp"));
        using var rule = _rules.TryItem("to-icmp")!;
        var icmp = ComRuleRecords.Allow("to-icmp") with { Protocol = 1, LocalPorts = "*", IcmpTypesAndCodes = "8:*" };

        var put = ComRuleWriter.PutChanges(rule.Interface, ComRuleReader.Read(rule.Interface), icmp);

        Assert.That(put, Is.EqualTo(new[] { ComRuleField.LocalPorts, ComRuleField.Protocol, ComRuleField.IcmpTypesAndCodes }));
        Assert.That(_fake.Rules.Single().Record, Is.EqualTo(icmp));
    }

    [Test]
    public void A_rule_becoming_TCP_gets_the_protocol_before_its_ports()
    {
        var any = ComRuleRecords.Allow("to-tcp") with { Protocol = 256, LocalPorts = "*" };

        var plan = ComRuleWriter.PlanChanges(any, ComRuleRecords.Allow("to-tcp"));

        Assert.That(plan, Is.EqualTo(new[] { ComRuleField.Protocol, ComRuleField.LocalPorts }));
    }

    [Test]
    public void Edge_traversal_is_put_once_through_its_options()
    {
        var plan = ComRuleWriter.PlanChanges(ComRuleRecords.Allow("edge"), ComRuleRecords.Allow("edge") with { EdgeTraversal = true, EdgeTraversalOptions = 1 });

        Assert.That(plan, Is.EqualTo(new[] { ComRuleField.EdgeTraversalOptions }));
    }

    [Test]
    public void An_order_that_leaves_out_a_field_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ComRuleWriter.PlanChanges(ComRuleRecords.Allow("x"), ComRuleRecords.Allow("y"), [ComRuleField.Name]));

        Assert.That(error!.Message, Does.Contain("Description"));
    }

    [Test]
    public void A_fault_partway_through_an_update_leaves_the_earlier_puts_committed()
    {
        _fake.Seed(ComRuleRecords.Allow("half"));
        using var rule = _rules.TryItem("half")!;
        var desired = ComRuleRecords.Allow("half", port: "8443", remote: "10.9.0.0/255.255.0.0");
        _fake.FailOn(nameof(INetFwRule.put_RemoteAddresses), "half", ComErrors.AccessDenied);

        Assert.Catch(() => ComRuleWriter.PutChanges(rule.Interface, ComRuleReader.Read(rule.Interface), desired));

        Assert.That(_fake.Rules.Single().Record.LocalPorts, Is.EqualTo("8443"));
        Assert.That(_fake.Rules.Single().Record.RemoteAddresses, Is.EqualTo("10.0.0.0/255.0.0.0"));
    }

    [Test]
    public void Interfaces_left_unset_read_back_as_null()
    {
        _fake.Seed(ComRuleRecords.Allow("any-nic"));
        using var rule = _rules.TryItem("any-nic")!;

        ComRuleWriter.Put(rule.Interface, ComRuleField.Interfaces, ComRuleRecords.Allow("any-nic") with { Interfaces = ["Ethernet"] });
        Assert.That(ComRuleReader.Read(rule.Interface).Interfaces, Is.EqualTo(new[] { "Ethernet" }));
        ComRuleWriter.Put(rule.Interface, ComRuleField.Interfaces, ComRuleRecords.Allow("any-nic"));

        Assert.That(ComRuleReader.Read(rule.Interface).Interfaces, Is.Null);
    }

    [Test]
    public void Strings_cross_as_BSTRs_intact()
    {
        using var rule = _policy.CreateRule();
        const string text = "Zugriff für Drucker → Büro 'A', \"B\"\r\nzweite Zeile";

        rule.Interface.put_Description(text);

        Assert.That(rule.Interface.get_Description(), Is.EqualTo(text));
    }

    [Test]
    public void A_null_string_and_an_empty_one_are_the_same_value()
    {
        var unset = ComRuleRecords.Allow("x") with { ApplicationName = null };

        Assert.That(ComRuleFields.Same(ComRuleField.ApplicationName, unset, unset with { ApplicationName = string.Empty }), Is.True);
        Assert.That(ComRuleFields.Same(ComRuleField.ApplicationName, unset, unset with { ApplicationName = "a.exe" }), Is.False);
    }

    [Test]
    public void Every_rule_reference_handed_out_is_released_when_disposed()
    {
        var weak = ReadThenRemove("transient");

        // No WaitForPendingFinalizers: a reference someone forgot to dispose would be released
        // by the wrapper's finalizer and hide the leak. Released ones leave nothing to finalize.
        GC.Collect();

        Assert.That(weak.IsAlive, Is.False, "a COM reference to the rule was never released");
    }

    /// <summary>
    /// Seeds a rule, reads it by enumeration and by name, removes it, and hands back a weak
    /// reference to the fake. Seeding here, not in the test: a Debug build keeps a discarded
    /// return value alive until its own method returns.
    /// </summary>
    private WeakReference ReadThenRemove(string name)
    {
        var weak = new WeakReference(_fake.Seed(ComRuleRecords.Allow(name)));
        foreach (var rule in _rules.Enumerate())
        {
            using (rule)
            {
                ComRuleReader.Read(rule.Interface);
            }
        }

        using (var item = _rules.TryItem(name))
        {
            ComRuleReader.Read(item!.Interface);
        }

        _rules.Remove(name);
        return weak;
    }
}
