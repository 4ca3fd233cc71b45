using FirewallKit.Core.Apply;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Apply;

public class RuleComparerTests
{
    [Test]
    public void Every_planned_rule_equals_its_read_back_form()
    {
        var plan = PlanOf("cluster.json");
        foreach (var rule in plan.Rules)
        {
            var readBack = ReadBackForms.Of(rule);
            Assert.That(RuleComparer.Differences(rule, readBack), Is.Empty, $"{rule.Name}: {string.Join(",", readBack.RemoteAddresses)}");
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
        Assert.That(RuleComparer.Differences(rule, rule with { RemoteAddresses = readBack }), Is.Empty);
    }

    [Test]
    public void Each_changed_field_is_named()
    {
        var rule = TestRules.Allow("tcp-443-allow", 443, "10.0.0.0/8");
        var cases = new (FirewallRule Changed, string Field)[]
        {
            (rule with { DisplayName = "Other" }, RuleComparer.DisplayName),
            (rule with { Description = "Other" }, RuleComparer.Description),
            (rule with { Group = "Other" }, RuleComparer.Group),
            (rule with { Action = RuleAction.Block }, RuleComparer.Action),
            (rule with { Protocol = TransportProtocol.Udp }, RuleComparer.Protocol),
            (rule with { LocalPorts = ["444"] }, RuleComparer.LocalPorts),
            (rule with { RemoteAddresses = ["10.0.0.0/255.0.0.0", "10.1.0.0/16", "11.0.0.1"] }, RuleComparer.RemoteAddresses),
            (rule with { Profiles = FirewallProfiles.All }, RuleComparer.Profiles),
            (rule with { Enabled = false }, RuleComparer.Enabled),
        };
        foreach (var (changed, field) in cases)
        {
            Assert.That(RuleComparer.Differences(rule, changed), Is.EqualTo(new[] { field }));
        }
    }

    [Test]
    public void Line_endings_in_the_description_do_not_count()
    {
        var rule = TestRules.Allow("tcp-443-allow", 443) with { Description = "line one\nline two" };
        Assert.That(RuleComparer.Equivalent(rule, rule with { Description = "line one\r\nline two" }), Is.True);
    }

    [Test]
    public void An_address_fwkit_cannot_parse_is_compared_as_text()
    {
        var rule = TestRules.Allow("tcp-443-allow", 443, "10.0.0.1");
        Assert.That(RuleComparer.Differences(rule, rule with { RemoteAddresses = ["not-an-address"] }), Is.EqualTo(new[] { RuleComparer.RemoteAddresses }));
    }

    internal static RulePlan PlanOf(string profile) => Core.Engine.PlanInputs.Plan(RepoPaths.Profile(profile), null);
}
