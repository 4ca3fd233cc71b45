using System.Net;
using FirewallKit.Cli;
using FirewallKit.Core.Audit;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Operations;
using FirewallKit.Core.RuleWords;
using FirewallKit.Tests.Windows;
using FirewallKit.Tests.Windows.Fake;
using FirewallKit.Windows;
using Moq;

namespace FirewallKit.Tests.Audit;

/// <summary>fwkit audit without --rules on Windows: the live firewall through the COM reader (here the fake firewall) and the listeners.</summary>
public class LiveAuditCommandTests
{
    private const string ForeignAllowAll = "Acme Monitoring Agent - allow all";
    private const string BlockOthers5200 = "fwkit-printeron-tcp-5200-block-others";
    private static readonly string Cluster = RepoPaths.Profile("cluster.json");

    private static FakeFirewall MachineWithThePlan(Func<string, bool> keep)
    {
        var fake = new FakeFirewall();
        foreach (var rule in Planning.Plan(new PlanRequest(Cluster)).Rules.Where(r => keep(r.Name)))
        {
            fake.Seed(ComRuleMapping.ToRecord(rule));
        }

        fake.Seed(ComRuleRecords.Allow(ForeignAllowAll, "*", "*") with { Grouping = "Acme Monitoring", Description = "Installed by Acme Agent 7.2", Profiles = 3 });
        return fake;
    }

    private static CliRunner.Result Audit(FakeFirewall fake, params string[] args) =>
        Audit(fake, new Listener(TransportProtocol.Tcp, IPAddress.Any, 5200), args);

    private static CliRunner.Result Audit(FakeFirewall fake, Listener listener, params string[] args)
    {
        var listeners = Mock.Of<IListenerSource>(l => l.Listeners() == new[] { listener });
        var live = new LiveAudit(new ComRuleSource(fake, "PRINT01"), listeners);
        return CliRunner.Run(new FakeWindowsMachine(fake), live, FixedClock.Default, ["audit", .. args]);
    }

    [Test]
    public void Without_rules_the_live_firewall_holding_the_plan_beside_a_foreign_allow_all_matches()
    {
        var result = Audit(MachineWithThePlan(_ => true), "--profile", Cluster);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        Assert.That(result.Out, Does.Contain("PRINT01").And.Contain("Verdict: matches the plan\n"));
        Assert.That(result.Out, Does.Not.Contain("listening sockets were not read"), "the live audit reads the listeners");
    }

    [Test]
    public void Without_rules_a_live_firewall_missing_5200s_block_others_rule_exits_1_naming_5200()
    {
        var result = Audit(MachineWithThePlan(name => name != BlockOthers5200), "--profile", Cluster);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Drift), result.Error);
        Assert.That(result.Out, Does.Contain("Verdict: differs from the plan at TCP 5200\n"));
        var finding = result.Out.Split('\n').Single(l => l.StartsWith("  ! ", StringComparison.Ordinal));
        Assert.That(finding, Does.StartWith("  ! TCP 5200 in Domain, Private: wider than intended: reachable from "));
        Assert.That(finding, Does.EndWith($"let in by '{ForeignAllowAll}'"));
    }

    [Test]
    public void A_live_firewall_that_cannot_be_read_exits_3_and_says_to_pass_a_dump()
    {
        var fake = MachineWithThePlan(_ => true);
        fake.Fail(call => call.Member == "get_Rules", unchecked((int)0x800706D9));

        var result = Audit(fake, "--profile", Cluster);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Environment), result.Error);
        Assert.That(result.Out, Is.Empty);
        Assert.That(result.Error, Does.Contain("Could not read this machine's firewall: ").And.Contain("--rules"));
    }

    [Test]
    public void A_live_allow_rule_scoped_to_an_app_package_may_let_in_and_is_never_an_allow_all()
    {
        var fake = new FakeFirewall();
        fake.Seed(ComRuleRecords.Allow("Store app", "5200", "*") with { Grouping = "Store", LocalAppPackageId = "S-1-15-2-1", LocalUserOwner = "S-1-5-21-1-2-3-1001" });

        var result = Audit(fake, "--format", "json");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        using var audit = System.Text.Json.JsonDocument.Parse(result.Out);
        var port = audit.RootElement.GetProperty("ports").EnumerateArray().Single(p => p.GetProperty("port").GetInt32() == 5200 && p.GetProperty("protocol").GetString() == "TCP");
        foreach (var profile in port.GetProperty("profiles").EnumerateArray())
        {
            Assert.That(profile.GetProperty("reachableFrom").GetProperty("certain").GetArrayLength(), Is.Zero, "Windows decides the package at run time");
            var effect = profile.GetProperty("decidedBy").EnumerateArray().Single(e => e.GetProperty("rule").GetString() == "'Store app'");
            Assert.That(effect.GetProperty("effect").GetString(), Is.EqualTo("may-let-in"));
            Assert.That(effect.GetProperty("conditions").EnumerateArray().Select(c => c.GetString()), Has.Some.EqualTo("only for the app package S-1-15-2-1"));
        }
    }

    [Test]
    public void A_listener_whose_program_is_known_decides_program_scoped_rules_instead_of_calling_them_conditional()
    {
        var fake = new FakeFirewall();
        fake.Seed(ComRuleRecords.Allow("PrinterOn PAS", "5200", "*") with { ApplicationName = @"C:\Program Files\PrinterOn\pas.exe" });
        fake.Seed(ComRuleRecords.Allow("Other app", "5200", "10.0.0.0/255.0.0.0") with { ApplicationName = @"C:\Program Files\Other\other.exe" });
        var listener = new Listener(TransportProtocol.Tcp, IPAddress.Any, 5200, @"c:\program files\printeron\PAS.EXE");

        var result = Audit(fake, listener, "--format", "json");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        using var audit = System.Text.Json.JsonDocument.Parse(result.Out);
        var port = audit.RootElement.GetProperty("ports").EnumerateArray().Single(p => p.GetProperty("port").GetInt32() == 5200 && p.GetProperty("protocol").GetString() == "TCP");
        Assert.That(port.GetProperty("listener").GetProperty("program").GetString(), Is.EqualTo(listener.Program));
        var domain = port.GetProperty("profiles").EnumerateArray().First();
        Assert.That(domain.GetProperty("reachableFrom").GetProperty("exact").GetBoolean(), Is.True, "nothing is left to the machine");
        var effects = domain.GetProperty("decidedBy").EnumerateArray().Where(e => e.GetProperty("rule").ValueKind == System.Text.Json.JsonValueKind.String).ToList();
        Assert.That(effects.Select(e => (e.GetProperty("rule").GetString(), e.GetProperty("effect").GetString())), Is.EqualTo(new[] { ("'PrinterOn PAS'", "lets-in") }), "the other program's rule does not apply");
    }
}
