using FirewallKit.Cli;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Export;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Rules;
using static FirewallKit.Tests.Support.ExportTestPlans;

namespace FirewallKit.Tests.Export;

/// <summary>A netsh command that would not fit on one cmd.exe line is refused, blaming what makes it long.</summary>
public sealed class NetshLineLengthTests
{
    private static RulePlan WithFirstRule(Func<FirewallRule, FirewallRule> change)
    {
        var plan = Shipped("single-server.json");
        return plan with { Rules = [change(plan.Rules[0]), .. plan.Rules.Skip(1)] };
    }

    [Test]
    public void A_9_KB_description_is_blamed_on_the_description()
    {
        var plan = WithFirstRule(r => r with { Description = new string('x', 9 * 1024) });

        var refused = Assert.Throws<ExportRefusedException>(() => new NetshPlanExporter().Export(plan, TestProvenance.Netsh))!;

        Assert.That(refused.Refusal, Is.EqualTo(ExportRefusal.DescriptionTooLong));
        Assert.That(refused.Path, Is.EqualTo("$.rules[0].description"));
        Assert.That(refused.Message, Does.Contain("because its description is").And.Not.Contain("address"));
        Assert.That(OptionErrors.Map(refused)!.Errors.Single().Fix, Does.StartWith("shorten the entry's description"));
    }

    [Test]
    public void A_thousand_addresses_are_blamed_on_the_addresses()
    {
        var addresses = AddressSet.Parse(Enumerable.Range(0, 1000).Select(i => $"10.{i / 100}.{i % 100}.1").ToArray());
        var plan = WithFirstRule(r => r with { RemoteAddresses = addresses });

        var refused = Assert.Throws<ExportRefusedException>(() => new NetshPlanExporter().Export(plan, TestProvenance.Netsh))!;

        Assert.That(refused.Refusal, Is.EqualTo(ExportRefusal.CommandTooLong));
        Assert.That(refused.Path, Is.EqualTo("$.rules[0].remoteAddresses"));
        Assert.That(refused.Message, Does.Contain("because of its 1000 remote addresses"));
    }
}
