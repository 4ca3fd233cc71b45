using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Engine;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Export;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Validation;

namespace FirewallKit.Tests.Engine;

/// <summary>
/// No rule names loopback or the IPv6 unspecified address: Windows refuses '::' and '::1' in a rule's
/// RemoteAddresses (0xD000000D), so a plan or script naming them fails on a real machine, and naming them
/// changes nothing (loopback is not filtered, no connection comes from '::').
/// </summary>
public partial class OutsideRulesTests
{
    private const int Seed = 20260601;
    private const int Cases = 150;

    /// <summary>Stated here rather than read from Core: 127.0.0.0/8, ::1 and ::.</summary>
    private static readonly AddressSet Unnamed = AddressSet.Parse("127.0.0.0/8", "::1", "::");

    private static readonly string[] Sprinkled = ["127.0.0.1", "::1", "::"];

    [TestCaseSource(typeof(ExportTestPlans), nameof(ExportTestPlans.ShippedProfiles))]
    public void No_rule_of_a_shipped_plan_or_its_scripts_names_loopback_or_the_unspecified_address(string profile)
    {
        var plan = ShippedPlans.Of(profile);

        AssertNamesNone(plan, profile);
    }

    [Test]
    public void No_rule_of_a_generated_plan_or_its_scripts_names_loopback_or_the_unspecified_address_even_when_the_profile_does()
    {
        var generator = new RandomProfiles(Seed);
        var sprinkled = 0;
        for (var i = 0; i < Cases; i++)
        {
            var generated = generator.Next();
            var json = generated.Json.ToJsonString();
            AssertNamesNone(Plan(json), $"case {i} (seed {Seed}): {json}");

            // The same profile with loopback and '::' among its audiences' own addresses.
            var withUnnamed = Sprinkle(JsonNode.Parse(json)!.AsObject(), i);
            sprinkled += withUnnamed.Count;
            AssertNamesNone(Plan(withUnnamed.Json.ToJsonString()), $"case {i} (seed {Seed}) with {string.Join(", ", withUnnamed.Added)}: {withUnnamed.Json.ToJsonString()}");
        }

        Assert.That(sprinkled, Is.GreaterThan(Cases), "the generator gave audiences to sprinkle into");
    }

    [Test]
    public void Loopback_and_the_unspecified_address_in_an_audience_are_left_out_of_its_rules()
    {
        var plan = ProfileBuilder.SingleServer().Admins("10.30.0.0/24", "127.0.0.1", "::1", "::").Plan();

        var allow = plan.RulesFor(8057).Single(r => r.Action == RuleAction.Allow);
        Assert.That(allow.RemoteAddresses, Is.EqualTo(AddressSet.Parse("10.30.0.0/24")));
        Assert.That(plan.Port(8057).AllowedFrom.Single().Addresses, Is.EqualTo(AddressSet.Parse("10.30.0.0/24")), "the plan shows the addresses its rules hold");
    }

    [Test]
    public void An_audience_of_loopback_alone_reaches_nobody_and_the_port_is_closed()
    {
        var plan = ProfileBuilder.SingleServer().Admins("::1", "127.0.0.1").Plan();

        Assert.That(plan.Port(8057).Decision, Is.EqualTo(Decision.Closed));
        Assert.That(plan.RulesFor(8057).Single().RemoteAddresses.IsAny, Is.True, "blocked for everyone; loopback still gets through");
        AssertNamesNone(plan, "admins on loopback");
    }

    [Test]
    public void Peers_that_cover_every_IPv6_address_but_the_unspecified_and_loopback_ones_are_refused()
    {
        var error = Assert.Throws<InputException>(() => ProfileBuilder.Cluster("10.20.0.11", "::2-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").Build())!.Errors.Single();

        Assert.That((error.Path, error.Message), Is.EqualTo(("$.peers", "together the peers cover every IPv6 address, which would open the cluster ports to everyone")));
    }

    [Test]
    public void The_unspecified_address_is_not_a_connection_to_ask_about()
    {
        var error = Assert.Throws<ArgumentException>(() => TestQueries.Tcp("::", 5200))!;

        Assert.That(error.Message, Does.Contain("'::' is the unspecified address, which never opens a connection"));
        Assert.That(TestQueries.Tcp("::2", 5200).Source, Is.EqualTo(IPAddress.Parse("::2")), "its neighbours are ordinary sources");
    }

    [Test]
    public void Loopback_sources_stay_unfiltered_beside_a_block_for_everyone_else()
    {
        var plan = ProfileBuilder.Cluster("10.20.0.11").Plan();

        var verdict = FirewallEvaluator.Evaluate(plan.Rules, TestQueries.Tcp("::1", 5200), NetworkProfiles.Domain);

        Assert.That((verdict.Outcome, verdict.Reason), Is.EqualTo((ConnectionOutcome.Allowed, FirewallEvaluator.LoopbackReason)));
    }

    private static RulePlan Plan(string json) =>
        RulePlanner.Plan(TestCatalog.PrinterOn, ProfileLoader.Reader(TestCatalog.PrinterOn).Parse("generated.json", Encoding.UTF8.GetBytes(json)));

    private static void AssertNamesNone(RulePlan plan, string context)
    {
        foreach (var rule in plan.Rules.Where(r => !r.RemoteAddresses.IsAny))
        {
            Assert.That(Unnamed.Except(rule.RemoteAddresses), Is.EqualTo(Unnamed), $"{rule.Name} names {rule.RemoteAddresses}; {context}");
        }

        var powershell = new PowerShellPlanExporter().Export(plan, TestProvenance.PowerShell);
        var netsh = new NetshPlanExporter().Export(plan, TestProvenance.Netsh);
        Assert.That(QuotedUnnamed().Matches(powershell).Select(m => m.Value), Is.Empty, $"PowerShell; {context}");
        Assert.That(NetshUnnamed().Matches(netsh).Select(m => m.Value), Is.Empty, $"netsh; {context}");
    }

    /// <summary>Appends one of 127.0.0.1, ::1 and :: to every literal audience list (peers, clients, admins, ...).</summary>
    private static (JsonObject Json, int Count, List<string> Added) Sprinkle(JsonObject json, int seed)
    {
        var lists = new List<JsonArray>();
        if (json["peers"] is JsonArray peers)
        {
            lists.AddRange(peers.Select(p => p!["addresses"]!.AsArray()));
        }

        if (json["addresses"] is JsonObject addresses)
        {
            lists.AddRange(addresses.Select(a => a.Value!.AsArray()).Where(a => a.All(t => t!.GetValue<string>() is not ("Any" or "LocalSubnet"))));
        }

        var added = new List<string>();
        for (var i = 0; i < lists.Count; i++)
        {
            var address = Sprinkled[(seed + i) % Sprinkled.Length];
            lists[i].Add(address);
            added.Add(address);
        }

        return (json, lists.Count, added);
    }

    /// <summary>'::' or '::1' as a whole quoted token, or as a range end or subnet address inside one.</summary>
    [GeneratedRegex(@"'(::1?)([-/][^']*)?'|'[^']*-::1?'")]
    private static partial Regex QuotedUnnamed();

    /// <summary>'::' or '::1' as an entry of a remoteip= list, or as a range end or subnet address inside one.</summary>
    [GeneratedRegex(@"(?<=remoteip=(?:[^ ,]+,)*)(::1?([-/][^ ,]*)?|[^ ,]*-::1?)(?=[ ,]|$)", RegexOptions.Multiline)]
    private static partial Regex NetshUnnamed();
}
