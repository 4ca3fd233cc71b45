using System.Text;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Rules;
using FirewallKit.Core.Validation;

namespace FirewallKit.Tests.Apply;

public class RuleBackupFileTests
{
    private static RuleBackup Backup(params FirewallRule[] rules) =>
        new(TestRules.Ownership, FixedClock.Default.GetUtcNow(), "apply", rules);

    [Test]
    public void A_backup_of_rules_read_back_from_the_firewall_round_trips()
    {
        var rules = ShippedPlans.Of("cluster.json").Rules.Select(ReadBackForms.Of).ToArray();
        var json = RuleBackupFile.ToJson(Backup(rules));

        var read = RuleBackupFile.Reader(TestRules.Prefix).Parse("backup.json", Encoding.UTF8.GetBytes(json));

        Assert.That(read.Ownership, Is.EqualTo(TestRules.Ownership));
        Assert.That(read.CreatedUtc, Is.EqualTo(FixedClock.Default.GetUtcNow()));
        StoreAssert.HoldsExactly(read.Rules, rules);
        Assert.That(json, Does.Contain("\"contract\": \"fwkit.backup/1\"").And.Contain("\"10.0.0.0/8\""));
    }

    [Test]
    public void A_backup_is_a_rule_set_in_the_plan_contracts_form()
    {
        var rule = TestRules.Allow("tcp-443-allow", 443, "10.0.0.1/255.255.255.255");
        var rules = PlanContract.RuleReader.Parse("backup.json", Encoding.UTF8.GetBytes(RuleBackupFile.ToJson(Backup(rule))));
        StoreAssert.HoldsExactly(rules, [rule]);
    }

    [Test]
    public void Two_backups_in_the_same_second_do_not_overwrite_each_other()
    {
        using var folder = new TempDirectory();
        var first = RuleBackupFile.Write(folder.Path, Backup());
        var second = RuleBackupFile.Write(folder.Path, Backup(TestRules.Block("tcp-80-block", 80)));

        Assert.That(second, Is.Not.EqualTo(first));
        Assert.That(RuleBackupFile.Reader(TestRules.Prefix).Load(first).Rules, Is.Empty);
        Assert.That(RuleBackupFile.Reader(TestRules.Prefix).Load(second).Rules, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_plan_is_not_accepted_as_a_backup()
    {
        var json = "{ \"contract\": \"fwkit.plan/1\", \"group\": \"g\", \"namePrefix\": \"p\", \"rules\": [] }";
        var error = Assert.Throws<InputException>(() => RuleBackupFile.Reader(TestRules.Prefix).Parse("plan.json", Encoding.UTF8.GetBytes(json)));
        Assert.That(error!.Errors.Single().Path, Is.EqualTo("$.contract"));
        Assert.That(error.Errors.Single().Fix, Does.Contain("a plan is not a backup"));
    }

    [Test]
    public void A_backup_with_rules_fwkit_does_not_own_is_refused()
    {
        var json = RuleBackupFile.ToJson(Backup(TestRules.Foreign("My own rule", group: TestRules.Group), TestRules.Foreign("fwkit-printeron-x", group: "Other")));
        var error = Assert.Throws<InputException>(() => RuleBackupFile.Reader(TestRules.Prefix).Parse("backup.json", Encoding.UTF8.GetBytes(json)));
        Assert.That(error!.Errors.Select(e => e.Path), Is.EqualTo(new[] { "$.rules[0].name", "$.rules[0].description", "$.rules[1].group", "$.rules[1].description" }));
    }

    private static InputException Refused(string json) =>
        Assert.Throws<InputException>(() => RuleBackupFile.Reader(TestRules.Prefix).Parse("backup.json", Encoding.UTF8.GetBytes(json)))!;

    private static string WithRules(string group, string prefix, params FirewallRule[] rules) =>
        RuleBackupFile.ToJson(new RuleBackup(new RuleOwnership(group, prefix), FixedClock.Default.GetUtcNow(), "apply", rules));

    [Test]
    public void A_backup_that_would_take_over_Windows_own_rules_is_refused()
    {
        // Remote Desktop's rules as a crafted backup would hold them, marker and all.
        var remoteDesktop = TestRules.Foreign("RemoteDesktop-UserMode-In-TCP", group: "@FirewallAPI.dll,-28752") with { Description = "Managed by fwkit" };
        var error = Refused(WithRules("@FirewallAPI.dll,-28752", "RemoteDesktop", remoteDesktop));

        Assert.That(error.Errors.Select(e => e.Path), Is.EqualTo(new[] { "$.namePrefix", "$.group" }));
        Assert.That(error.Errors[0].Message, Does.Contain("'RemoteDesktop' is not the rule name prefix fwkit writes ('fwkit-printeron')"));
        Assert.That(error.Errors[1].Message, Does.Contain("'@FirewallAPI.dll,-28752' is not a rule group fwkit writes"));
    }

    [Test]
    public void A_backup_with_fwkits_prefix_but_a_Windows_group_is_refused()
    {
        var rule = TestRules.Allow("tcp-3389-allow", 3389) with { Group = "@FirewallAPI.dll,-28752" };
        var error = Refused(WithRules("@FirewallAPI.dll,-28752", TestRules.Prefix, rule));

        Assert.That(error.Errors.Select(e => e.Path), Is.EqualTo(new[] { "$.group" }));
    }

    [Test]
    public void A_rule_name_used_twice_is_refused()
    {
        var rule = TestRules.Allow("tcp-443-allow", 443);
        var error = Refused(WithRules(TestRules.Group, TestRules.Prefix, rule, rule with { Name = rule.Name.ToUpperInvariant().Replace("FWKIT-PRINTERON", TestRules.Prefix, StringComparison.Ordinal) }));

        Assert.That(error.Errors.Select(e => (e.Path, e.Message)), Is.EqualTo(new[] { ("$.rules[1].name", "the rule name 'fwkit-printeron-TCP-443-ALLOW' is used twice") }));
    }

    [Test]
    public void A_rule_without_fwkits_marker_is_refused()
    {
        var error = Refused(WithRules(TestRules.Group, TestRules.Prefix, TestRules.Allow("tcp-443-allow", 443) with { Description = "hand made" }));

        Assert.That(error.Errors.Single().Path, Is.EqualTo("$.rules[0].description"));
        Assert.That(error.Errors.Single().Message, Does.Contain("'Managed by fwkit'"));
    }

    [TestCase("0")]
    [TestCase("65536")]
    [TestCase("Any")]
    [TestCase("RPC")]
    public void A_rule_whose_ports_are_not_port_numbers_is_refused(string port)
    {
        var json = WithRules(TestRules.Group, TestRules.Prefix, TestRules.Allow("tcp-443-allow", 443)).Replace("\"443\"", $"\"{port}\"", StringComparison.Ordinal);

        var error = Refused(json);

        Assert.That(error.Errors.Single().Path, Is.EqualTo("$.rules[0].localPorts"));
    }
}
