using FirewallKit.Core.Addresses;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Rules;

namespace FirewallKit.Tests.Apply;

public class RuleDiffTests
{
    private static readonly FirewallRule Missing = TestRules.Allow("tcp-443-allow", 443, "10.0.0.0/8", "fd00::/16");
    private static readonly FirewallRule Equal = TestRules.Allow("tcp-5200-allow", 5200, "10.20.0.11", "10.20.0.12", "fd00:20::13");
    private static readonly FirewallRule Changed = TestRules.Allow("tcp-6789-allow", 6789, "10.20.0.11", "10.20.0.14");
    private static readonly FirewallRule ChangedBefore = Changed with { RemoteAddresses = AddressSet.Parse("10.20.0.11", "10.20.0.12") };
    private static readonly FirewallRule Stale = TestRules.Block("tcp-9999-block", 9999);

    /// <summary>Every combination of a missing, an equal, a changed and a stale rule (16 cases).</summary>
    public static IEnumerable<TestCaseData> Combinations() =>
        Enumerable.Range(0, 16).Select(bits => new TestCaseData((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0)
            .SetName($"Diff_of_missing_{(bits & 1) != 0}_equal_{(bits & 2) != 0}_changed_{(bits & 4) != 0}_stale_{(bits & 8) != 0}"));

    [TestCaseSource(nameof(Combinations))]
    public void Each_rule_gets_the_change_it_needs(bool missing, bool equal, bool changed, bool stale)
    {
        var desired = new List<FirewallRule>();
        var current = new List<FirewallRule>();
        var expected = new List<(RuleChangeKind, string)>();
        if (missing)
        {
            desired.Add(Missing);
            expected.Add((RuleChangeKind.Create, Missing.Name));
        }

        if (equal)
        {
            desired.Add(Equal);
            current.Add(ReadBackForms.Of(Equal));
            expected.Add((RuleChangeKind.Unchanged, Equal.Name));
        }

        if (changed)
        {
            desired.Add(Changed);
            current.Add(ReadBackForms.Of(ChangedBefore));
            expected.Add((RuleChangeKind.Update, Changed.Name));
        }

        if (stale)
        {
            current.Add(ReadBackForms.Of(Stale));
            expected.Add((RuleChangeKind.Delete, Stale.Name));
        }

        var diff = RuleDiff.Compute(desired, current);

        Assert.That(diff.Changes.Select(c => (c.Kind, c.Name)), Is.EqualTo(expected));
        Assert.That(diff.Writes.Select(c => c.Name), Is.EquivalentTo(expected.Where(e => e.Item1 != RuleChangeKind.Unchanged).Select(e => e.Item2)));
        Assert.That(diff.HasWrites, Is.EqualTo(missing || changed || stale));
    }

    [Test]
    public void An_update_names_the_fields_it_changes()
    {
        var diff = RuleDiff.Compute([Changed], [ReadBackForms.Of(ChangedBefore with { Enabled = false })]);
        Assert.That(diff.Changes.Single().Fields, Is.EqualTo(new[] { RuleFields.RemoteAddresses.Name, RuleFields.Enabled.Name }));
    }

    [Test]
    public void A_plan_read_back_in_the_firewalls_forms_needs_no_writes()
    {
        var plan = ShippedPlans.Of("cluster.json");
        var diff = RuleDiff.Compute(plan.Rules, [.. plan.Rules.Select(ReadBackForms.Of).Reverse()]);
        Assert.That(diff.HasWrites, Is.False);
        Assert.That(diff.Count(RuleChangeKind.Unchanged), Is.EqualTo(plan.Rules.Count));
    }

    [Test]
    public void Duplicates_of_a_name_are_deleted_together_and_the_rule_created_again()
    {
        var diff = RuleDiff.Compute([Equal], [ReadBackForms.Of(Equal), ReadBackForms.Of(Equal)]);

        Assert.That(diff.Writes.Select(c => c.Kind), Is.EqualTo(new[] { RuleChangeKind.Delete, RuleChangeKind.Create }));
        Assert.That(diff.Writes[0].Current, Has.Count.EqualTo(2));
    }

    [Test]
    public void Duplicates_that_are_desired_stay_as_they_are()
    {
        var other = Equal with { Enabled = false };
        var diff = RuleDiff.Compute([Equal, other], [ReadBackForms.Of(other), ReadBackForms.Of(Equal)]);
        Assert.That(diff.HasWrites, Is.False);
    }

    [Test]
    public void Writes_tighten_before_they_loosen()
    {
        var newAllow = TestRules.Allow("tcp-1-allow", 1, "10.0.0.1");
        var newBlock = TestRules.Block("tcp-2-block", 2);
        var staleAllow = TestRules.Allow("tcp-3-allow", 3);
        var staleBlock = TestRules.Block("tcp-4-block", 4);
        var duplicated = TestRules.Allow("tcp-5-allow", 5, "10.0.0.5");

        var diff = RuleDiff.Compute(
            [newAllow, newBlock, duplicated],
            [staleBlock, staleAllow, duplicated, duplicated]);

        Assert.That(diff.Writes.Select(c => (c.Kind, c.Name)), Is.EqualTo(new[]
        {
            (RuleChangeKind.Delete, duplicated.Name),
            (RuleChangeKind.Create, newBlock.Name),
            (RuleChangeKind.Create, newAllow.Name),
            (RuleChangeKind.Create, duplicated.Name),
            (RuleChangeKind.Delete, staleAllow.Name),
            (RuleChangeKind.Delete, staleBlock.Name),
        }));
    }
}
