using FirewallKit.Core.Addresses;
using FirewallKit.Core.Apply;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Tests.Support;
using Moq;

namespace FirewallKit.Tests.Apply;

public class RuleApplierTests
{
    private TempDirectory _backups = null!;

    [SetUp]
    public void CreateBackupFolder() => _backups = new TempDirectory();

    [TearDown]
    public void DeleteBackupFolder() => _backups.Dispose();

    private static IReadOnlyList<FirewallRule> ClusterRules => ShippedPlans.Of("cluster.json").Rules;

    /// <summary>The plan's first allow rule, the one widened to Any by hand in <see cref="MessyFirewall"/>.</summary>
    private static int HandEdited => ClusterRules.ToList().FindIndex(r => r.Action == RuleAction.Allow);

    /// <summary>A firewall with some of the plan, one rule changed by hand, one stale rule, and rules fwkit does not own.</summary>
    private static InMemoryFirewallStore MessyFirewall()
    {
        var plan = ClusterRules;
        var handEdited = plan[HandEdited] with { RemoteAddresses = AddressSet.Parse("Any") };
        return new InMemoryFirewallStore(
            [
                plan[0],
                handEdited,
                plan[HandEdited + 1],
                TestRules.Block("tcp-9999-block", 9999),
                TestRules.Foreign("Remote Desktop - User Mode (TCP-In)"),
                TestRules.Foreign(plan[HandEdited + 2].Name, group: "Someone else's group"),
                TestRules.Foreign("My own rule", group: TestRules.Group),
            ]);
    }

    private RuleApplier Applier(IFirewallStore store) => new(store, FixedClock.Default);

    [Test]
    public void Apply_writes_the_plan_and_verifies_it()
    {
        var store = MessyFirewall();
        var before = store.Rules;

        var result = Applier(store).Apply(ClusterRules, TestRules.Ownership, "apply", _backups.Path, dryRun: false);

        Assert.That(result.Status, Is.EqualTo(OperationStatus.Applied), result.Error);
        var owned = store.Rules.Where(TestRules.Ownership.Owns).ToList();
        StoreAssert.HoldsExactly(owned, ClusterRules);
        StoreAssert.HoldsExactly(store.Rules.Where(r => !TestRules.Ownership.Owns(r)).ToList(), before.Where(r => !TestRules.Ownership.Owns(r)).ToList(), "not owned");
        Assert.That(result.ForeignRules.Select(r => r.Name), Is.EqualTo(new[] { "My own rule" }));
        Assert.That(result.Diff!.Count(RuleChangeKind.Update), Is.EqualTo(1));
        Assert.That(result.Diff.Count(RuleChangeKind.Delete), Is.EqualTo(1));
    }

    [Test]
    public void Apply_after_the_exported_script_replaces_its_rules_once_instead_of_duplicating_them()
    {
        // The PowerShell export names rules by ID and shows the readable display name, so COM
        // reads them back with the display name as their name and no prefix.
        var exported = ClusterRules.Select(r => r with { Name = r.DisplayName }).ToList();
        var store = new InMemoryFirewallStore([.. exported, TestRules.Foreign("My own rule", group: TestRules.Group)]);

        var first = Applier(store).Apply(ClusterRules, TestRules.Ownership, "apply", _backups.Path, dryRun: false);
        var second = Applier(store).Apply(ClusterRules, TestRules.Ownership, "apply", _backups.Path, dryRun: false);

        Assert.That(first.Status, Is.EqualTo(OperationStatus.Applied), first.Error);
        StoreAssert.HoldsExactly(store.Rules.Where(TestRules.Ownership.Owns).ToList(), ClusterRules);
        Assert.That(store.Rules.Select(r => r.Name), Does.Contain("My own rule"), "a rule without fwkit's marker stays");
        Assert.That(store.Rules, Has.Count.EqualTo(ClusterRules.Count + 1), "the exported copies are gone, not duplicated");
        Assert.That(second.Diff!.Writes, Is.Empty);
    }

    [Test]
    public void The_backup_holds_the_owned_rules_as_they_were()
    {
        var store = MessyFirewall();
        var ownedBefore = store.Rules.Where(TestRules.Ownership.Owns).ToList();

        var result = Applier(store).Apply(ClusterRules, TestRules.Ownership, "apply", _backups.Path, dryRun: false);

        Assert.That(_backups.Files, Is.EqualTo(new[] { result.BackupPath }));
        Assert.That(Path.GetFileName(result.BackupPath), Is.EqualTo("fwkit-backup-20261125T093000Z-apply.json"));
        var backup = RuleBackupFile.Reader(TestRules.Prefix).Load(result.BackupPath!);
        Assert.That(backup.Ownership, Is.EqualTo(TestRules.Ownership));
        StoreAssert.HoldsExactly(backup.Rules, ownedBefore);
    }

    [Test]
    public void A_second_apply_makes_no_writes_and_no_backup()
    {
        var firewall = new InMemoryFirewallStore();
        Applier(firewall).Apply(ClusterRules, TestRules.Ownership, "apply", _backups.Path, dryRun: false);
        var backupsAfterFirst = _backups.Files.Length;
        var store = new Mock<IFirewallStore>(MockBehavior.Strict);
        store.Setup(s => s.List(TestRules.Group)).Returns(firewall.List(TestRules.Group));
        store.Setup(s => s.Prepare(It.IsAny<IReadOnlyList<FirewallRule>>())).Returns((IReadOnlyList<FirewallRule> rules) => rules);

        var result = Applier(store.Object).Apply(ClusterRules, TestRules.Ownership, "apply", _backups.Path, dryRun: false);

        Assert.That(result.Status, Is.EqualTo(OperationStatus.NoChanges));
        Assert.That(result.Diff!.Count(RuleChangeKind.Unchanged), Is.EqualTo(ClusterRules.Count));
        store.Verify(s => s.Add(It.IsAny<FirewallRule>()), Times.Never);
        store.Verify(s => s.Update(It.IsAny<FirewallRule>()), Times.Never);
        store.Verify(s => s.Remove(It.IsAny<string>(), It.IsAny<string>()), Times.Never);
        Assert.That(_backups.Files, Has.Length.EqualTo(backupsAfterFirst));
    }

    [Test]
    public void A_dry_run_writes_nothing()
    {
        var store = new Mock<IFirewallStore>(MockBehavior.Strict);
        store.Setup(s => s.List(TestRules.Group)).Returns(RuleListing.Of([ReadBackForms.Of(TestRules.Block("tcp-9999-block", 9999))]));
        store.Setup(s => s.Prepare(It.IsAny<IReadOnlyList<FirewallRule>>())).Returns((IReadOnlyList<FirewallRule> rules) => rules);

        var result = Applier(store.Object).Apply(ClusterRules, TestRules.Ownership, "apply", _backups.Path, dryRun: true);

        Assert.That(result.Status, Is.EqualTo(OperationStatus.DryRun));
        Assert.That(result.Diff!.Count(RuleChangeKind.Create), Is.EqualTo(ClusterRules.Count));
        Assert.That(result.Diff.Count(RuleChangeKind.Delete), Is.EqualTo(1));
        store.Verify(s => s.Add(It.IsAny<FirewallRule>()), Times.Never);
        store.Verify(s => s.Remove(It.IsAny<string>(), It.IsAny<string>()), Times.Never);
        Assert.That(_backups.Files, Is.Empty);
    }

    [Test]
    public void Rules_fwkit_does_not_own_are_never_updated_or_removed()
    {
        var firewall = MessyFirewall();
        var store = new Mock<IFirewallStore>();
        store.Setup(s => s.List(It.IsAny<string>())).Returns((string group) => firewall.List(group));
        store.Setup(s => s.Prepare(It.IsAny<IReadOnlyList<FirewallRule>>())).Returns((IReadOnlyList<FirewallRule> rules) => rules);
        store.Setup(s => s.Add(It.IsAny<FirewallRule>())).Callback((FirewallRule r) => firewall.Add(r));
        store.Setup(s => s.Update(It.IsAny<FirewallRule>())).Callback((FirewallRule r) => firewall.Update(r));
        store.Setup(s => s.Remove(It.IsAny<string>(), It.IsAny<string>())).Callback((string g, string n) => firewall.Remove(g, n));

        var applied = Applier(store.Object).Apply(ClusterRules, TestRules.Ownership, "apply", _backups.Path, dryRun: false);
        var removed = Applier(store.Object).Apply([], TestRules.Ownership, "remove", _backups.Path, dryRun: false);

        Assert.That(applied.Status, Is.EqualTo(OperationStatus.Applied));
        Assert.That(removed.Status, Is.EqualTo(OperationStatus.Applied));
        store.Verify(s => s.Remove(It.Is<string>(g => g != TestRules.Group), It.IsAny<string>()), Times.Never);
        store.Verify(s => s.Remove(It.IsAny<string>(), It.Is<string>(n => !TestRules.Ownership.OwnsName(n))), Times.Never);
        store.Verify(s => s.Update(It.Is<FirewallRule>(r => !TestRules.Ownership.Owns(r))), Times.Never);
        store.Verify(s => s.Add(It.Is<FirewallRule>(r => !TestRules.Ownership.Owns(r))), Times.Never);
        Assert.That(firewall.Rules.Where(TestRules.Ownership.Owns), Is.Empty);
        Assert.That(firewall.Rules.Select(r => r.Name), Is.EquivalentTo(new[] { "Remote Desktop - User Mode (TCP-In)", ClusterRules[HandEdited + 2].Name, "My own rule" }));
    }

    /// <summary>k = 1 … every write of the apply, each way a write can fail.</summary>
    public static IEnumerable<TestCaseData> EveryWrite()
    {
        var writes = RuleDiff.Compute(ClusterRules, MessyFirewall().Rules.Where(TestRules.Ownership.Owns).ToList()).Writes.Count;
        foreach (var fault in Enum.GetValues<WriteFault>())
        {
            for (var k = 1; k <= writes; k++)
            {
                yield return new TestCaseData(k, fault).SetName($"Failure_at_write_{k}_of_{writes}_{fault}_rolls_back_to_the_start");
            }
        }
    }

    [TestCaseSource(nameof(EveryWrite))]
    public void A_failure_at_any_write_ends_exactly_as_it_began(int k, WriteFault fault)
    {
        var store = MessyFirewall();
        var before = store.Rules;
        store.FailAt(k, fault);

        var result = Applier(store).Apply(ClusterRules, TestRules.Ownership, "apply", _backups.Path, dryRun: false);

        Assert.That(result.Status, Is.EqualTo(OperationStatus.RolledBack), result.RollbackError);
        Assert.That(result.Error, Does.Contain("injected failure"));
        StoreAssert.HoldsExactly(store.Rules, before, $"k={k} {fault}");
    }

    [Test]
    public void A_failed_rollback_says_so_and_keeps_the_backup()
    {
        var store = MessyFirewall();
        var ownedBefore = store.Rules.Where(TestRules.Ownership.Owns).ToList();
        store.FailAt(3, WriteFault.Before, keepFailing: true);

        var result = Applier(store).Apply(ClusterRules, TestRules.Ownership, "apply", _backups.Path, dryRun: false);

        Assert.That(result.Status, Is.EqualTo(OperationStatus.RollbackFailed));
        Assert.That(result.RollbackError, Does.Contain("injected failure"));
        StoreAssert.HoldsExactly(RuleBackupFile.Reader(TestRules.Prefix).Load(result.BackupPath!).Rules, ownedBefore);
    }

    [Test]
    public void Writes_the_firewall_does_not_keep_fail_verification_and_roll_back()
    {
        var store = new Mock<IFirewallStore>();
        store.Setup(s => s.List(TestRules.Group)).Returns(RuleListing.Of([]));
        store.Setup(s => s.Prepare(It.IsAny<IReadOnlyList<FirewallRule>>())).Returns((IReadOnlyList<FirewallRule> rules) => rules);

        var result = Applier(store.Object).Apply(ClusterRules, TestRules.Ownership, "apply", _backups.Path, dryRun: false);

        Assert.That(result.Status, Is.EqualTo(OperationStatus.RolledBack));
        Assert.That(result.Error, Does.Contain("did not hold the rules after writing them"));
        store.Verify(s => s.Add(It.IsAny<FirewallRule>()), Times.Exactly(ClusterRules.Count));
    }

    [Test]
    public void An_unwritable_backup_folder_stops_before_any_write()
    {
        var store = new Mock<IFirewallStore>(MockBehavior.Strict);
        store.Setup(s => s.List(TestRules.Group)).Returns(RuleListing.Of([]));
        store.Setup(s => s.Prepare(It.IsAny<IReadOnlyList<FirewallRule>>())).Returns((IReadOnlyList<FirewallRule> rules) => rules);
        Directory.CreateDirectory(_backups.Path);
        var notAFolder = Path.Combine(_backups.Path, "file");
        File.WriteAllText(notAFolder, "x");

        var result = Applier(store.Object).Apply(ClusterRules, TestRules.Ownership, "apply", notAFolder, dryRun: false);

        Assert.That(result.Status, Is.EqualTo(OperationStatus.Blocked));
        Assert.That(result.Error, Does.Contain("could not write the backup").And.Contain("nothing was changed"));
    }

    [Test]
    public void A_firewall_that_cannot_be_read_blocks_the_apply()
    {
        var store = new Mock<IFirewallStore>(MockBehavior.Strict);
        store.Setup(s => s.Prepare(It.IsAny<IReadOnlyList<FirewallRule>>())).Returns((IReadOnlyList<FirewallRule> rules) => rules);
        store.Setup(s => s.List(TestRules.Group)).Throws(new FirewallStoreException("rule 'x' has protocol 1"));

        var result = Applier(store.Object).Apply(ClusterRules, TestRules.Ownership, "apply", _backups.Path, dryRun: false);

        Assert.That(result.Status, Is.EqualTo(OperationStatus.Blocked));
        Assert.That(result.Error, Does.Contain("protocol 1"));
    }

    [Test]
    public void Changing_one_peer_updates_only_the_rules_whose_addresses_change()
    {
        var before = ProfileBuilder.Cluster("10.20.0.11", "10.20.0.12").Clients("10.0.0.0/8").Plan().Rules;
        var after = ProfileBuilder.Cluster("10.20.0.11", "10.20.0.14").Clients("10.0.0.0/8").Plan().Rules;
        var store = new InMemoryFirewallStore();
        Applier(store).Apply(before, TestRules.Ownership, "apply", _backups.Path, dryRun: false);
        var writesBefore = store.Writes;
        var expected = after
            .Where(r => !r.Equals(before.Single(b => b.Name == r.Name)))
            .Select(r => r.Name)
            .ToList();

        var result = Applier(store).Apply(after, TestRules.Ownership, "apply", _backups.Path, dryRun: false);

        Assert.That(expected, Is.Not.Empty);
        Assert.That(before.Select(r => r.Name), Is.EqualTo(after.Select(r => r.Name)));
        Assert.That(result.Diff!.Writes.Select(c => (c.Kind, c.Name)), Is.EquivalentTo(expected.Select(n => (RuleChangeKind.Update, n))));
        Assert.That(result.Diff.Writes.SelectMany(c => c.Fields).Distinct(), Is.EqualTo(new[] { RuleFields.RemoteAddresses.Name }));
        Assert.That(store.Writes - writesBefore, Is.EqualTo(expected.Count));
    }

    [Test]
    public void Restoring_a_backup_puts_the_owned_rules_back()
    {
        var store = MessyFirewall();
        var before = store.Rules;
        var applied = Applier(store).Apply(ClusterRules, TestRules.Ownership, "apply", _backups.Path, dryRun: false);
        var backup = RuleBackupFile.Reader(TestRules.Prefix).Load(applied.BackupPath!);

        var restored = Applier(store).Apply(backup.Rules, backup.Ownership, "rollback", _backups.Path, dryRun: false);

        Assert.That(restored.Status, Is.EqualTo(OperationStatus.Applied));
        StoreAssert.HoldsExactly(store.Rules, before);
    }

    [Test]
    public void Compare_reports_drift_without_writing()
    {
        var store = MessyFirewall();

        var result = Applier(store).Compare(ClusterRules, TestRules.Ownership);

        Assert.That(result.Status, Is.EqualTo(OperationStatus.Drift));
        Assert.That(store.Writes, Is.Zero);
        Assert.That(result.Diff!.Changes.Single(c => c.Kind == RuleChangeKind.Update).Name, Is.EqualTo(ClusterRules[HandEdited].Name));
    }
}
