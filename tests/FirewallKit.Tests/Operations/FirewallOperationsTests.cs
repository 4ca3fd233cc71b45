using FirewallKit.Core.Apply;
using FirewallKit.Core.Machine;
using FirewallKit.Core.Operations;
using FirewallKit.Core.Plan;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Core.Validation;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Operations;

public class FirewallOperationsTests
{
    private static readonly string Cluster = RepoPaths.Profile("cluster.json");
    private TempDirectory _backups = null!;
    private InMemoryFirewallStore _store = null!;
    private FakeEnvironment _machine = null!;

    [SetUp]
    public void NewMachine()
    {
        _backups = new TempDirectory();
        _store = new InMemoryFirewallStore();
        _machine = new FakeEnvironment(_store);
    }

    [TearDown]
    public void DeleteBackups() => _backups.Dispose();

    private OperationReport Apply(bool dryRun = false, IFirewallEnvironment? machine = null) =>
        FirewallOperations.Apply(new ApplyRequest(new PlanRequest(Cluster), dryRun, _backups.Path), machine ?? _machine, GivenInterfaces.Office, FixedClock.Default);

    [Test]
    public void Apply_then_verify_is_in_sync_and_a_second_apply_changes_nothing()
    {
        var first = Apply();
        var verify = FirewallOperations.Verify(new PlanRequest(Cluster), _machine, GivenInterfaces.Office);
        var writes = _store.Writes;
        var second = Apply();

        Assert.That(first.Status, Is.EqualTo(OperationStatus.Applied));
        Assert.That(first.PlanHash, Does.StartWith("sha256:"));
        Assert.That(verify.Status, Is.EqualTo(OperationStatus.InSync));
        Assert.That(second.Status, Is.EqualTo(OperationStatus.NoChanges));
        Assert.That(_store.Writes, Is.EqualTo(writes));
        Assert.That(_backups.Files, Has.Length.EqualTo(1));
        Assert.That(_machine.LockHeld, Is.False, "the apply lock is released");
    }

    [Test]
    public void Each_operation_releases_the_store_it_opened()
    {
        Apply();
        FirewallOperations.Verify(new PlanRequest(Cluster), _machine, GivenInterfaces.Office);

        Assert.That(_store.Disposals, Is.EqualTo(2));
    }

    [Test]
    public void Verify_lists_a_hand_edit_as_drift()
    {
        Apply();
        var edited = _store.List(TestRules.Group).Rules.First(r => r.Action == Core.RuleWords.RuleAction.Allow);
        _store.Update(edited with { Enabled = false });

        var verify = FirewallOperations.Verify(new PlanRequest(Cluster), _machine, GivenInterfaces.Office);

        Assert.That(verify.Status, Is.EqualTo(OperationStatus.Drift));
        Assert.That(verify.Diff!.Writes.Select(c => (c.Name, c.Fields.Single())), Is.EqualTo(new[] { (edited.Name, RuleFields.Enabled.Name) }));
    }

    [Test]
    public void Off_windows_apply_checks_the_inputs_then_needs_windows()
    {
        var report = Apply(machine: new UnsupportedPlatformEnvironment());

        Assert.That(report.Status, Is.EqualTo(OperationStatus.Blocked));
        Assert.That(report.Problems, Is.EqualTo(new[] { EnvironmentAssessment.NeedsWindows }));
        Assert.That(report.Diff, Is.Null);
    }

    [Test]
    public void Off_windows_a_dry_run_shows_what_a_fresh_machine_would_get()
    {
        var report = Apply(dryRun: true, machine: new UnsupportedPlatformEnvironment());

        Assert.That(report.Status, Is.EqualTo(OperationStatus.Blocked));
        Assert.That(report.ComparedWithEmptyFirewall, Is.True);
        Assert.That(report.Diff!.Changes.Select(c => c.Kind).Distinct(), Is.EqualTo(new[] { RuleChangeKind.Create }));
        Assert.That(report.Diff.Changes, Has.Count.EqualTo(ShippedPlans.Of("cluster.json").Rules.Count));
    }

    [Test]
    public void Invalid_input_is_reported_before_the_machine_is_looked_at()
    {
        Assert.Throws<InputException>(() => FirewallOperations.Apply(new ApplyRequest(new PlanRequest("no-such-profile.json"), false, _backups.Path), new UnsupportedPlatformEnvironment(), GivenInterfaces.Office, FixedClock.Default));
        Assert.Throws<InputException>(() => FirewallOperations.Rollback(new RollbackRequest(Cluster, false, _backups.Path), new UnsupportedPlatformEnvironment(), FixedClock.Default));
        Assert.Throws<RuleGroupException>(() => FirewallOperations.Remove(new RemoveRequest("a|b", null, false, _backups.Path), _machine, FixedClock.Default));
    }

    [Test]
    public void Not_elevated_blocks_apply_but_not_a_dry_run()
    {
        _machine.State = _machine.State with { IsElevated = false };

        Assert.That(Apply().Problems, Is.EqualTo(new[] { EnvironmentAssessment.NotElevated }));
        Assert.That(Apply(dryRun: true).Status, Is.EqualTo(OperationStatus.DryRun));
        Assert.That(_store.Writes, Is.Zero);
    }

    [Test]
    public void A_stopped_firewall_service_blocks_everything()
    {
        _machine.State = _machine.State with { ServiceRunning = false };

        Assert.That(Apply(dryRun: true).Problems, Is.EqualTo(new[] { EnvironmentAssessment.ServiceStopped }));
        Assert.That(FirewallOperations.Verify(new PlanRequest(Cluster), _machine, GivenInterfaces.Office).Status, Is.EqualTo(OperationStatus.Blocked));
    }

    [Test]
    public void Another_apply_holding_the_lock_blocks_without_writing()
    {
        _machine.LockHeldElsewhere = true;

        var report = Apply();

        Assert.That(report.Status, Is.EqualTo(OperationStatus.Blocked));
        Assert.That(report.Problems, Is.EqualTo(new[] { EnvironmentAssessment.LockHeld }));
        Assert.That(_store.Writes, Is.Zero);
    }

    [Test]
    public void Firewall_settings_that_weaken_the_rules_are_warned_about_and_the_apply_goes_on()
    {
        _machine.State = _machine.State with { FirewallOff = NetworkProfiles.Domain, DefaultInboundAllow = NetworkProfiles.Private, GroupPolicyOverridesLocalRules = true };

        var report = Apply();

        Assert.That(report.Status, Is.EqualTo(OperationStatus.Applied));
        Assert.That(report.Warnings.Select(w => w.Code), Is.SupersetOf(new[] { "firewall-off", "default-inbound-allow", "group-policy-override" }));
    }

    [Test]
    public void Remove_deletes_only_the_owned_rules_and_rollback_brings_them_back()
    {
        Apply();
        _store.Seed(TestRules.Foreign("My own rule", group: TestRules.Group));
        var applied = _store.Rules;

        var removed = FirewallOperations.Remove(new RemoveRequest(null, null, false, _backups.Path), _machine, FixedClock.Default);
        var afterRemove = _store.Rules;
        var restored = FirewallOperations.Rollback(new RollbackRequest(removed.BackupPath!, false, _backups.Path, ProfilePath: Cluster), _machine, FixedClock.Default);

        Assert.That(removed.Status, Is.EqualTo(OperationStatus.Applied));
        Assert.That(afterRemove.Select(r => r.Name), Is.EqualTo(new[] { "My own rule" }));
        Assert.That(removed.Warnings.Single().Code, Is.EqualTo("foreign-rules-in-group"));
        Assert.That(restored.Status, Is.EqualTo(OperationStatus.Applied));
        StoreAssert.HoldsExactly(_store.Rules, applied);
    }

    [Test]
    public void A_failing_write_is_rolled_back_and_reported()
    {
        _store.FailAt(5);

        var report = Apply();

        Assert.That(report.Status, Is.EqualTo(OperationStatus.RolledBack));
        Assert.That(report.BackupPath, Is.Not.Null);
        Assert.That(_store.Rules, Is.Empty);
    }
}
