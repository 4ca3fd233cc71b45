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
    public void A_thousand_addresses_are_split_into_several_netsh_rules_of_the_same_name()
    {
        var addresses = AddressSet.Parse(Enumerable.Range(0, 1000).Select(i => $"10.{i / 100}.{i % 100}.1").ToArray());
        var plan = WithFirstRule(r => r with { RemoteAddresses = addresses });
        var name = plan.Rules[0].Name;

        var script = new NetshPlanExporter().Export(plan, TestProvenance.Netsh);

        var adds = script.Split("\r\n").Where(l => l.StartsWith($"netsh advfirewall firewall add rule name={name} ", StringComparison.Ordinal)).ToList();
        Assert.That(adds, Has.Count.GreaterThan(1));
        var written = adds.SelectMany(l => l.Split(" remoteip=")[1].Split(' ')[0].Split(',')).ToList();
        Assert.That(AddressSet.Parse(written), Is.EqualTo(addresses), "the parts together hold every address once");
        Assert.That(written, Has.Count.EqualTo(addresses.EntryCount));
        Assert.That(script.Split("\r\n").Count(l => l.StartsWith($"netsh advfirewall firewall delete rule name={name} ", StringComparison.Ordinal)), Is.EqualTo(1), "one delete removes every part");
        Assert.That(CmdLines.Longest(script), Is.LessThanOrEqualTo(NetshPlanExporter.MaxLineLength));
    }

    [Test]
    public void A_cluster_of_1500_scattered_peers_exports_and_no_line_cmd_reads_is_over_8191_characters()
    {
        var peers = Enumerable.Range(0, 1500).Select(i => $"10.{i / 100}.{2 * (i % 100)}.7").ToArray();
        var plan = ProfileBuilder.Cluster(peers).Plan();

        var script = new NetshPlanExporter().Export(plan, TestProvenance.Netsh);

        Assert.That(CmdLines.Longest(script), Is.LessThanOrEqualTo(NetshPlanExporter.MaxLineLength));
    }

    [Test]
    public void The_line_check_counts_the_cleanup_block_as_one_line_with_KEEP_expanded()
    {
        var script = new NetshPlanExporter().Export(Shipped("cluster.json"), TestProvenance.Netsh);

        var block = CmdLines.Logical(script).Single(l => l.StartsWith("for /f", StringComparison.Ordinal));

        Assert.That(block, Does.Contain("fwkit-printeron-tcp-443-allow").And.Contain("netsh advfirewall firewall delete rule name=\"%%N\""));
        Assert.That(block, Does.Not.Contain("%KEEP%"));
    }
}
