using System.Text;
using FirewallKit.Core.Engine;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.RuleStrings;
using FirewallKit.Core.Rules;
using FirewallKit.Core.Validation;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.RuleStrings;

/// <summary>Issue 20's property: plan, then rule strings, then read back gives the same typed rules, for every shipped and generated profile.</summary>
public sealed class RuleStringRoundTripTests
{
    private const int Seed = 20_2020;

    private static readonly string[] Shipped = ["cluster.json", "multi-server.json", "pdg-disabled.json", "single-server.json"];

    [TestCaseSource(nameof(Shipped))]
    public void Shipped_profiles_read_back_as_the_same_rules(string profile) => AssertRoundTrip(ShippedPlans.Of(profile), profile);

    [Test]
    public void Generated_profiles_read_back_as_the_same_rules()
    {
        var generator = new RandomProfiles(Seed);
        for (var i = 0; i < 150; i++)
        {
            var json = generator.Next().Json.ToJsonString();
            var profile = ProfileLoader.Reader(TestCatalog.PrinterOn).Parse($"generated-{i}.json", Encoding.UTF8.GetBytes(json));
            AssertRoundTrip(RulePlanner.Plan(TestCatalog.PrinterOn, profile), $"case {i} (seed {Seed}): {json}");
        }
    }

    [Test]
    public void Profiles_with_thousands_of_peers_read_back_as_the_same_rules()
    {
        var generator = new RandomProfiles(Seed + 1);
        var json = generator.Next(manyPeers: true).Json.ToJsonString();
        var profile = ProfileLoader.Reader(TestCatalog.PrinterOn).Parse("many.json", Encoding.UTF8.GetBytes(json));
        AssertRoundTrip(RulePlanner.Plan(TestCatalog.PrinterOn, profile), "many peers");
    }

    private static void AssertRoundTrip(RulePlan plan, string context)
    {
        foreach (var rule in plan.Rules)
        {
            var text = RuleStringCodec.Write(rule.ToStored());
            var errors = new InputErrors("test");
            var read = RuleStringCodec.Read(rule.Name, text, errors, "$");
            Assert.That(errors.Any, Is.False, $"{rule.Name}: {text}; {context}");
            Assert.That(read!.Unread, Is.Empty, $"{rule.Name}: {text}");
            var back = FirewallRule.FromStored(read.Rule, out var why);
            Assert.That(why, Is.Null, context);
            Assert.That(back!.Differences(rule), Is.Empty, $"{rule.Name}: {text}; {context}");
            Assert.That(back, Is.EqualTo(rule), $"{rule.Name}: {text}; {context}");
        }
    }
}
