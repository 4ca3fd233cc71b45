using System.Text;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Plan;
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

        var read = RuleBackupFile.Reader.Parse("backup.json", Encoding.UTF8.GetBytes(json));

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
        Assert.That(RuleBackupFile.Reader.Load(first).Rules, Is.Empty);
        Assert.That(RuleBackupFile.Reader.Load(second).Rules, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_plan_is_not_accepted_as_a_backup()
    {
        var json = "{ \"contract\": \"fwkit.plan/1\", \"group\": \"g\", \"namePrefix\": \"p\", \"rules\": [] }";
        var error = Assert.Throws<InputException>(() => RuleBackupFile.Reader.Parse("plan.json", Encoding.UTF8.GetBytes(json)));
        Assert.That(error!.Errors.Single().Path, Is.EqualTo("$.contract"));
        Assert.That(error.Errors.Single().Fix, Does.Contain("a plan is not a backup"));
    }

    [Test]
    public void A_backup_with_rules_fwkit_does_not_own_is_refused()
    {
        var json = RuleBackupFile.ToJson(Backup(TestRules.Foreign("My own rule", group: TestRules.Group), TestRules.Foreign("fwkit-printeron-x", group: "Other")));
        var error = Assert.Throws<InputException>(() => RuleBackupFile.Reader.Parse("backup.json", Encoding.UTF8.GetBytes(json)));
        Assert.That(error!.Errors.Select(e => e.Path), Is.EqualTo(new[] { "$.rules[0].name", "$.rules[1].group" }));
    }
}
