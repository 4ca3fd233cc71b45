using FirewallKit.Core.Addresses;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;

namespace FirewallKit.Tests.Rules;

public class FirewallRuleTests
{
    [Test]
    public void Every_planned_rule_equals_its_read_back_form()
    {
        var plan = ShippedPlans.Of("cluster.json");
        foreach (var rule in plan.Rules)
        {
            var readBack = ReadBackForms.Of(rule);
            Assert.That(rule.Differences(readBack), Is.Empty, $"{rule.Name}: {string.Join(",", readBack.RemoteAddresses)}");
        }
    }

    [TestCase(new[] { "10.0.0.1" }, new[] { "10.0.0.1/255.255.255.255" })]
    [TestCase(new[] { "10.0.0.0/24" }, new[] { "10.0.0.0/255.255.255.0" })]
    [TestCase(new[] { "10.0.0.0/25", "10.0.0.128/25" }, new[] { "10.0.0.0/255.255.255.0" })]
    [TestCase(new[] { "10.20.0.11", "10.20.0.12" }, new[] { "10.20.0.11-10.20.0.12" })]
    [TestCase(new[] { "Any" }, new[] { "*" })]
    [TestCase(new[] { "fd00:20::13" }, new[] { "fd00:20::13/128" })]
    [TestCase(new[] { "localsubnet", "dns" }, new[] { "LocalSubnet,DNS" })]
    public void Addresses_compare_by_meaning(string[] planned, string[] readBack)
    {
        var rule = TestRules.Allow("tcp-443-allow", 443, planned);
        Assert.That(rule.Differences(rule with { RemoteAddresses = AddressSet.ParseList(string.Join(",", readBack)) }), Is.Empty);
    }

    [Test]
    public void Each_changed_field_is_named()
    {
        var rule = TestRules.Allow("tcp-443-allow", 443, "10.0.0.0/8");
        var cases = new (FirewallRule Changed, string Field)[]
        {
            (rule with { DisplayName = "Other" }, RuleFields.DisplayName.Name),
            (rule with { Description = "Other" }, RuleFields.Description.Name),
            (rule with { Group = "Other" }, RuleFields.Group.Name),
            (rule with { Action = RuleAction.Block }, RuleFields.Action.Name),
            (rule with { Protocol = TransportProtocol.Udp }, RuleFields.Protocol.Name),
            (rule with { LocalPorts = PortSet.Parse("444") }, RuleFields.LocalPorts.Name),
            (rule with { RemoteAddresses = AddressSet.Parse("10.0.0.0/255.0.0.0", "10.1.0.0/16", "11.0.0.1") }, RuleFields.RemoteAddresses.Name),
            (rule with { Profiles = NetworkProfiles.All }, RuleFields.Profiles.Name),
            (rule with { Enabled = false }, RuleFields.Enabled.Name),
        };
        foreach (var (changed, field) in cases)
        {
            Assert.That(rule.Differences(changed), Is.EqualTo(new[] { field }));
        }
    }

    [Test]
    public void Line_endings_in_the_description_do_not_count()
    {
        var rule = TestRules.Allow("tcp-443-allow", 443) with { Description = "line one\nline two" };
        Assert.That(rule.Equals(rule with { Description = "line one\r\nline two" }), Is.True);
    }

    [Test]
    public void Rules_built_apart_from_the_same_values_are_equal_and_hash_alike()
    {
        var rule = TestRules.Allow("tcp-443-allow", 443, "10.0.0.0/24", "10.0.1.0/24");
        var same = TestRules.Allow("tcp-443-allow", 443, "10.0.0.0/23");

        Assert.That(same, Is.EqualTo(rule));
        Assert.That(same.GetHashCode(), Is.EqualTo(rule.GetHashCode()));
        Assert.That(new HashSet<FirewallRule> { rule, same }, Has.Count.EqualTo(1));
    }
}
