using System.Text;
using FirewallKit.Core.Export;
using FirewallKit.Core.Plan;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Tests.Support;
using FirewallKit.Tests.Support.NetSecurity;
using static FirewallKit.Tests.Support.ExportTestPlans;

namespace FirewallKit.Tests.Export;

/// <summary>A UDP rule (mDNS, UDP 5353 from LocalSubnet) survives every exporter and the PowerShell engine run.</summary>
public sealed class UdpExportTests
{
    private static RulePlan MdnsPlan() => ProfileBuilder.SingleServer().With("airPrintDiscovery").Plan();

    private static FirewallRule MdnsRule(RulePlan plan) => plan.RulesFor(5353, TransportProtocol.Udp).Single();

    [Test]
    public void The_plan_has_one_udp_allow_rule_from_local_subnet()
    {
        var rule = MdnsRule(MdnsPlan());

        Assert.That((rule.Protocol, rule.Action, string.Join(",", rule.LocalPorts), string.Join(",", rule.RemoteAddresses)), Is.EqualTo((TransportProtocol.Udp, RuleAction.Allow, "5353", "LocalSubnet")));
    }

    [Test]
    public void The_powershell_script_creates_the_udp_rule_in_the_engine()
    {
        var plan = MdnsPlan();
        using var shell = new PowerShellHost(new FakeFirewall());

        shell.Run(Script(plan));

        var stored = shell.Firewall.Rules().Single(r => r.Name == MdnsRule(plan).Name);
        Assert.That((stored.Protocol, string.Join(",", stored.LocalPort), string.Join(",", stored.RemoteAddress)), Is.EqualTo(("UDP", "5353", "LocalSubnet")));
        Assert.That(FromStore(shell.Firewall.Rules()), Is.EqualTo(FromPlan(plan)));
    }

    [Test]
    public void The_netsh_script_adds_the_udp_rule()
    {
        var plan = MdnsPlan();
        var script = new NetshPlanExporter().Export(plan, TestProvenance.Netsh);

        var add = script.Split('\n').Single(line => line.Contains("add rule", StringComparison.Ordinal) && line.Contains(MdnsRule(plan).Name, StringComparison.Ordinal));
        Assert.That(add, Does.Contain("protocol=UDP").IgnoreCase);
        Assert.That(add, Does.Contain("localport=5353"));
        Assert.That(add, Does.Contain("remoteip=LocalSubnet").IgnoreCase);
    }

    [Test]
    public void The_json_export_reads_back_the_udp_rule()
    {
        var plan = MdnsPlan();

        var rules = PlanContract.RuleReader.Parse("mdns.json", Encoding.UTF8.GetBytes(new JsonPlanExporter().Export(plan)));

        Assert.That(rules.Single(r => r.Name == MdnsRule(plan).Name), Is.EqualTo(MdnsRule(plan)).Using<FirewallRule>((a, b) =>
            a.Protocol == b.Protocol && a.LocalPorts.Equals(b.LocalPorts) && a.RemoteAddresses.Equals(b.RemoteAddresses) && a.Action == b.Action));
    }
}
