using System.Runtime.Versioning;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Machine;
using FirewallKit.Core.Operations;
using FirewallKit.Windows;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Tests.Windows.Live;

/// <summary>
/// The real adapter against the runner's real firewall, through the same entry points as
/// <c>fwkit apply/verify/remove/rollback</c>, in a group of its own that TearDown removes.
/// </summary>
[Platform("Win")]
[SupportedOSPlatform("windows")]
[NonParallelizable]
public class LiveAdapterTests
{
    private TempDirectory _files = null!;
    private string _group = null!;
    private string _profile = null!;
    private WindowsFirewallEnvironment _machine = null!;

    [SetUp]
    public void UniqueGroup()
    {
        LiveWindows.RequireSwitch();
        _files = new TempDirectory();
        _group = LiveWindows.UniqueGroup();
        _profile = LiveWindows.ClusterProfileIn(_files, _group);
        _machine = new WindowsFirewallEnvironment();
    }

    [TearDown]
    public void Cleanup()
    {
        try
        {
            if (_group is not null && Environment.GetEnvironmentVariable(LiveWindows.Switch) == "1")
            {
                LiveWindows.RemoveGroup(_group);
            }
        }
        finally
        {
            _files?.Dispose();
        }
    }

    private string Backups => Path.Combine(_files.Path, "backups");

    private OperationReport Apply() => FirewallOperations.Apply(new ApplyRequest(new PlanRequest(_profile), DryRun: false, Backups), _machine, new SystemNetworkInterfaces(), TimeProvider.System);

    private OperationReport Verify() => FirewallOperations.Verify(new PlanRequest(_profile), _machine, new SystemNetworkInterfaces());

    [Test]
    public void Apply_reapply_verify_hand_edit_remove_and_rollback_on_the_real_firewall()
    {
        var plan = Planning.Plan(new PlanRequest(_profile));

        var applied = Apply();
        Assert.That(applied.Status, Is.EqualTo(OperationStatus.Applied), applied.Error ?? string.Join("; ", applied.Problems));
        Assert.That(Listed().Rules.Select(r => r.Name), Is.EquivalentTo(plan.Rules.Select(r => r.Name)));

        var again = Apply();
        Assert.That(again.Status, Is.EqualTo(OperationStatus.NoChanges), "a second apply writes nothing: Windows' read-back forms compare equal");
        Assert.That(again.BackupPath, Is.Null);

        Assert.That(Verify().Status, Is.EqualTo(OperationStatus.InSync));

        var blockOthers = plan.Rules.First(r => r.Name.EndsWith("-block-others", StringComparison.Ordinal)).Name;
        EditByHand(blockOthers, rule => rule.put_ApplicationName(Path.Combine(Environment.SystemDirectory, "notepad.exe")));
        var drift = Verify();
        Assert.That(drift.Status, Is.EqualTo(OperationStatus.Drift));
        Assert.That(drift.Diff!.Writes.Select(w => (w.Name, string.Join(",", w.Fields))), Is.EqualTo(new[] { (blockOthers, "applicationName") }));
        Assert.That(Apply().Status, Is.EqualTo(OperationStatus.Applied));
        Assert.That(Verify().Status, Is.EqualTo(OperationStatus.InSync), "apply repaired the hand edit");

        var removed = FirewallOperations.Remove(new RemoveRequest(_group, null, DryRun: false, Backups), _machine, TimeProvider.System);
        Assert.That(removed.Status, Is.EqualTo(OperationStatus.Applied), removed.Error);
        Assert.That(Listed().Rules, Is.Empty);

        var restored = FirewallOperations.Rollback(new RollbackRequest(removed.BackupPath!, DryRun: false, Backups, ProfilePath: _profile), _machine, TimeProvider.System);
        Assert.That(restored.Status, Is.EqualTo(OperationStatus.Applied), restored.Error);
        Assert.That(Verify().Status, Is.EqualTo(OperationStatus.InSync));
    }

    [Test]
    public void A_foreign_rule_in_the_group_is_left_alone()
    {
        using (var policy = NetFwPolicy.Open())
        using (var rules = policy.OpenRules())
        using (var foreign = ComRuleWriter.CreateRule(policy, ComRuleRecords.Allow("fwkit CI foreign outbound") with { Grouping = _group, Direction = 2, Enabled = false }))
        {
            rules.Add(foreign);
        }

        var applied = Apply();
        var removed = FirewallOperations.Remove(new RemoveRequest(_group, null, DryRun: false, Backups), _machine, TimeProvider.System);

        Assert.That(applied.Status, Is.EqualTo(OperationStatus.Applied), applied.Error);
        Assert.That(applied.Warnings.Select(w => w.Message), Has.Some.Contains("'fwkit CI foreign outbound' is an outbound rule"));
        Assert.That(removed.Status, Is.EqualTo(OperationStatus.Applied));
        Assert.That(Listed().Unrepresentable.Select(r => r.Name), Is.EqualTo(new[] { "fwkit CI foreign outbound" }));
        RemoveForeign("fwkit CI foreign outbound");
    }

    private RuleListing Listed()
    {
        using var store = ComFirewallStore.Open();
        return store.List(_group);
    }

    private void EditByHand(string name, Action<INetFwRule3> edit)
    {
        using var policy = NetFwPolicy.Open();
        using var rules = policy.OpenRules();
        foreach (var item in rules.Enumerate())
        {
            using (item)
            {
                if (ComRuleReader.ReadIdentity(item.Interface) == (name, _group))
                {
                    edit(item.Interface);
                    return;
                }
            }
        }

        Assert.Fail($"rule {name} not found");
    }

    private static void RemoveForeign(string name)
    {
        using var policy = NetFwPolicy.Open();
        using var rules = policy.OpenRules();
        rules.Remove(name);
    }
}
