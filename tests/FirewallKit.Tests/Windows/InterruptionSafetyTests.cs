using System.Net;
using FirewallKit.Cli;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Operations;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Tests.Windows.Fake;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Tests.Windows;

/// <summary>
/// Every put on a stored rule commits on its own, so an apply can be cut off after any of them.
/// For a fault at every write of an apply, through the real <see cref="FirewallKit.Windows.ComFirewallStore"/>
/// on the fake: the transaction rolls back and the firewall ends as it began, and no committed
/// state on the way admits a packet that neither the old firewall nor the new one admits
/// ("no more than both": admitted(S) ⊆ admitted(old) ∪ admitted(new)), with the default inbound
/// action block, and beside a foreign allow-all rule (then only fwkit's block rules decide).
/// With the fake's grouped-rule protection off and on: the writes are the same either way, since
/// fwkit replaces a rule rather than put a field Windows may protect.
/// </summary>
[TestFixture(false)]
[TestFixture(true)]
public class InterruptionSafetyTests(bool protectGroupedRules)
{
    private const string Program = @"C:\Program Files\PrinterOn\cps.exe";
    private const string OtherProgram = @"C:\Tools\evil.exe";

    private static readonly IPAddress[] Sources =
        [.. new[] { "10.0.0.5", "10.20.0.11", "10.20.0.12", "10.20.0.13", "10.20.0.14", "10.30.0.5", "192.0.2.1", "fd00::5", "fd00:20::13", "2001:db8::1" }.Select(IPAddress.Parse)];

    /// <summary>
    /// A cluster applied with peers .11 and .12, then changed by hand: a program on a block-others
    /// rule, an allow rule widened in two fields, another allow rule's description rewritten, a
    /// planned rule deleted, a stale rule added. The program and the description are fields Windows
    /// may protect on a grouped rule, so those two rules are replaced (block: new rule first; allow:
    /// old rule first). The
    /// apply moves it to peers .11 and .14, so it creates, updates (one field and several), and deletes.
    /// With <c>allowOnly</c> there are no block-others rules to hide an allow rule's mistakes, and
    /// the 443 allow rule was moved to another port and other sources, so a half-written allow
    /// rule (its new port, its old sources) would admit what neither admits.
    /// </summary>
    private sealed class Scenario : IDisposable
    {
        private readonly TempDirectory _files = new();

        /// <param name="restorable">
        /// Keep the hand edits within what a backup may hold (the product's ports, names that match their rules), so
        /// `fwkit rollback` of the apply's backup can put the start back: no rule moved to another port, no stale rule
        /// on a port the product does not use.
        /// </param>
        public Scenario(bool allowOnly, bool protectGroupedRules = false, bool restorable = false)
        {
            Directory.CreateDirectory(_files.Path);
            var before = ProfileBuilder.Cluster("10.20.0.11", "10.20.0.12").Clients("10.0.0.0/8");
            var after = ProfileBuilder.Cluster("10.20.0.11", "10.20.0.14").Clients("10.0.0.0/8");
            // One file name, so the profile name in every description stays the same.
            var applied = Apply(Save("before", allowOnly ? before.AllowOnly() : before));
            After = Save("after", allowOnly ? after.AllowOnly() : after);
            Assert.That(applied.Status, Is.EqualTo(OperationStatus.Applied), applied.Error);

            if (allowOnly)
            {
                Edit("fwkit-printeron-tcp-443-allow", r => r with { LocalPorts = restorable ? r.LocalPorts : "7777", RemoteAddresses = "192.0.2.0/255.255.255.0" });
            }
            else
            {
                Edit("fwkit-printeron-tcp-443-block-others", r => r with { ApplicationName = OtherProgram });
                Edit("fwkit-printeron-tcp-5200-allow", r => r with { LocalPorts = restorable ? r.LocalPorts : "5200-5210", RemoteAddresses = "*" });
                // The edit keeps fwkit's marker: `fwkit rollback` restores only rules that carry it, and the service-stop
                // tests restore this scenario's backup with it.
                Edit("fwkit-printeron-tcp-6310-allow", r => r with { Description = $"Edited by hand\r\nRewritten. {Core.RuleWords.RuleText.ManagedMarker}" });
                Fake.Remove(Fake.Rules.Single(r => r.Record.Name == "fwkit-printeron-tcp-631-block-others"));
            }

            if (!restorable)
            {
                Fake.Seed(Fake.Rules.Single(r => r.Record.Name == "fwkit-printeron-tcp-443-allow").Record with { Name = "fwkit-printeron-tcp-9999-allow", LocalPorts = "9999", RemoteAddresses = "*" });
            }

            Fake.ProtectGroupedRules = protectGroupedRules;
            Fake.Calls.Clear();
            Fake.CommittedStates.Clear();
            Start = [.. Fake.Rules.Select(r => r.Record)];
        }

        public FakeFirewall Fake { get; } = new();

        public string After { get; }

        public IReadOnlyList<ComRuleRecord> Start { get; }

        public OperationReport Apply(string profile) =>
            FirewallOperations.Apply(new ApplyRequest(new PlanRequest(profile), DryRun: false, Path.Combine(_files.Path, "backups")), new FakeWindowsMachine(Fake), GivenInterfaces.Office, FixedClock.Default);

        public string Backups => Path.Combine(_files.Path, "backups");

        /// <summary>The operator's rollback of <paramref name="backup"/>, confirming (--yes) that it may open what the plan does not: the hand edits.</summary>
        public OperationReport Rollback(string backup) =>
            FirewallOperations.Rollback(new RollbackRequest(backup, DryRun: false, Backups, Yes: true), new FakeWindowsMachine(Fake), FixedClock.Default);

        public void Dispose() => _files.Dispose();

        private void Edit(string name, Func<ComRuleRecord, ComRuleRecord> edit)
        {
            var rule = Fake.Rules.Single(r => r.Record.Name == name);
            rule.Load(edit(rule.Record));
        }

        private string Save(string folder, ProfileBuilder profile)
        {
            Directory.CreateDirectory(Path.Combine(_files.Path, folder));
            var path = Path.Combine(_files.Path, folder, "cluster.json");
            File.WriteAllText(path, profile.ToJson());
            return path;
        }
    }

    /// <summary>The committed states of the apply without faults: the end state, and how many writes it takes.</summary>
    private static readonly Dictionary<(bool, bool), (IReadOnlyList<ComRuleRecord> End, int Writes)> CleanRuns = [];

    private static (IReadOnlyList<ComRuleRecord> End, int Writes) CleanRun(bool allowOnly, bool restorable = false)
    {
        lock (CleanRuns)
        {
            if (!CleanRuns.TryGetValue((allowOnly, restorable), out var run))
            {
                run = RunClean(allowOnly, restorable);
                CleanRuns[(allowOnly, restorable)] = run;
            }

            return run;
        }
    }

    private static (IReadOnlyList<ComRuleRecord> End, int Writes) RunClean(bool allowOnly, bool restorable)
    {
        using var scenario = new Scenario(allowOnly, restorable: restorable);
        var report = scenario.Apply(scenario.After);
        Assert.That(report.Status, Is.EqualTo(OperationStatus.Applied), report.Error);
        return ([.. scenario.Fake.Rules.Select(r => r.Record)], scenario.Fake.Writes);
    }

    public static IEnumerable<TestCaseData> EveryWrite()
    {
        foreach (var allowOnly in new[] { false, true })
        {
            var writes = CleanRun(allowOnly, restorable: true).Writes;
            var enforcement = allowOnly ? "allowOnly" : "blockOthers";
            for (var n = 1; n <= writes; n++)
            {
                yield return new TestCaseData(allowOnly, n).SetName($"{enforcement}_a_fault_at_write_{n:00}_of_{writes}_rolls_back_and_no_state_admits_more_than_old_or_new");
            }
        }
    }

    [Test]
    public void The_clean_run_creates_updates_and_deletes_and_replaces_rules_whose_protected_fields_change()
    {
        using var scenario = new Scenario(allowOnly: false, protectGroupedRules);
        var report = scenario.Apply(scenario.After);

        var commits = scenario.Fake.Calls.Where(c => c.Commits).Select(c => c.ToString()).ToList();
        string[] Writes(string rule) => [.. commits.Where(c => c.Contains($"[{rule}", StringComparison.Ordinal)).Select(c => c.Split(' ')[0] + (c.Contains(".replacing-", StringComparison.Ordinal) ? " (stand-in)" : string.Empty))];

        Assert.That(report.Status, Is.EqualTo(OperationStatus.Applied), report.Error);
        Assert.That(scenario.Fake.Writes, Is.EqualTo(CleanRun(allowOnly: false).Writes), "the same writes with the protection on and off");
        Assert.That(commits, Has.None.Matches<string>(c => c!.StartsWith("INetFwRule.put_Name", StringComparison.Ordinal) || c.StartsWith("INetFwRule.put_Description", StringComparison.Ordinal) || c.StartsWith("INetFwRule.put_ApplicationName", StringComparison.Ordinal)));
        Assert.That(Writes("fwkit-printeron-tcp-443-block-others"), Is.EqualTo(new[] { "INetFwRules.Add (stand-in)", "INetFwRules.Remove", "INetFwRules.Add", "INetFwRules.Remove (stand-in)" }), "a block rule: its replacement blocks before the old one goes");
        Assert.That(Writes("fwkit-printeron-tcp-6310-allow"), Is.EqualTo(new[] { "INetFwRules.Remove", "INetFwRules.Add" }), "an allow rule: the old one goes before the new one admits");
        Assert.That(Writes("fwkit-printeron-tcp-5200-allow"), Is.EqualTo(new[]
        {
            "INetFwRule.put_Enabled", "INetFwRule.put_LocalPorts", "INetFwRule.put_RemoteAddresses", "INetFwRule.put_Enabled",
        }), "the allow rule is paused while several of its fields change");
        Assert.That(Writes("fwkit-printeron-tcp-9999-allow"), Is.EqualTo(new[] { "INetFwRules.Remove" }), "a unique name is removed by name, without a rename");
    }

    [TestCaseSource(nameof(EveryWrite))]
    public void A_fault_at_any_write_rolls_back_and_no_state_admits_more_than_old_or_new(bool allowOnly, int n)
    {
        var (end, _) = CleanRun(allowOnly);
        using var scenario = new Scenario(allowOnly, protectGroupedRules);
        scenario.Fake.FailNthWrite(n, ComErrors.AccessDenied);

        var report = scenario.Apply(scenario.After);

        Assert.That(report.Status, Is.EqualTo(OperationStatus.RolledBack), report.RollbackError);
        Assert.That(scenario.Fake.Rules.Select(r => r.Record), Is.EquivalentTo(scenario.Start), "ends as it began");
        AssertNoStateAdmitsMore(scenario.Start, end, scenario.Fake.CommittedStates);
    }

    public static IEnumerable<TestCaseData> EveryWriteTheServiceStopsAt()
    {
        foreach (var allowOnly in new[] { false, true })
        {
            var writes = CleanRun(allowOnly, restorable: true).Writes;
            var enforcement = allowOnly ? "allowOnly" : "blockOthers";
            for (var n = 1; n <= writes; n++)
            {
                yield return new TestCaseData(allowOnly, n).SetName($"{enforcement}_the_service_stopping_at_write_{n:00}_of_{writes}_leaves_no_state_admitting_more_and_a_rollback_after_restart_ends_as_it_began");
            }
        }
    }

    /// <summary>
    /// The firewall service stops (RPC_S_SERVER_UNAVAILABLE, 0x800706BA) at a write and answers nothing after it, so
    /// the rollback cannot run either: the apply says so and how to finish; what was committed admits no more than
    /// old or new; and once the service runs again, `fwkit rollback` of the apply's backup puts back exactly the start.
    /// </summary>
    [TestCaseSource(nameof(EveryWriteTheServiceStopsAt))]
    public void The_service_stopping_at_any_write_leaves_no_state_admitting_more_and_a_rollback_after_restart_ends_as_it_began(bool allowOnly, int n)
    {
        var (end, _) = CleanRun(allowOnly, restorable: true);
        using var scenario = new Scenario(allowOnly, protectGroupedRules, restorable: true);
        scenario.Fake.StopServiceAtWrite(n);

        var report = scenario.Apply(scenario.After);

        Assert.That(report.Status, Is.EqualTo(OperationStatus.RollbackFailed));
        Assert.That(report.Error, Does.StartWith("the Windows Firewall service stopped answering (RPC error 0x800706BA)").And.Contain("Start-Service mpssvc"));
        Assert.That(report.RollbackError, Does.StartWith("the Windows Firewall service stopped answering"));
        AssertNoStateAdmitsMore(scenario.Start, end, scenario.Fake.CommittedStates);

        scenario.Fake.RestartService();
        var rollback = scenario.Rollback(report.BackupPath!);

        Assert.That(rollback.Status, Is.AnyOf(OperationStatus.Applied, OperationStatus.NoChanges), rollback.Error);
        Assert.That(scenario.Fake.Rules.Select(r => r.Record), Is.EquivalentTo(scenario.Start), "ends as it began");
    }

    [Test]
    public void The_service_stopping_during_fwkit_apply_exits_5_naming_the_service_and_the_rollback_without_a_stack_trace()
    {
        using var scenario = new Scenario(allowOnly: false, protectGroupedRules, restorable: true);
        scenario.Fake.StopServiceAtWrite(3);
        var earlierBackups = Directory.GetFiles(scenario.Backups);

        var result = CliRunner.Run(new FakeWindowsMachine(scenario.Fake), FixedClock.Default, "apply", "--profile", scenario.After, "--backup-dir", scenario.Backups);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.RollbackFailed), result.Error);
        Assert.That(result.Error, Does.Contain("the Windows Firewall service stopped answering (RPC error 0x800706BA)").And.Contain("fwkit rollback --backup"));
        Assert.That(result.Out + result.Error, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "no stack trace");

        scenario.Fake.RestartService();
        var backup = Directory.GetFiles(scenario.Backups).Except(earlierBackups).Single();
        var rollback = CliRunner.Run(new FakeWindowsMachine(scenario.Fake), FixedClock.Default, "rollback", "--backup", backup, "--backup-dir", scenario.Backups, "--yes");

        Assert.That(rollback.ExitCode, Is.EqualTo(ExitCodes.Success), rollback.Error);
        Assert.That(scenario.Fake.Rules.Select(r => r.Record), Is.EquivalentTo(scenario.Start));
    }

    [Test]
    public void The_evaluator_sees_a_mixed_allow_rule_admit_more_than_both()
    {
        // The check below would catch writing several fields of an allow rule without pausing it.
        var old = Allow("5200", "192.0.2.0/255.255.255.0");
        var @new = Allow("6310", "10.0.0.0/255.0.0.0");
        var mixed = Allow("6310", "192.0.2.0/255.255.255.0");

        Assert.Throws<AssertionException>(() => AssertNoStateAdmitsMore([old], [@new], [[mixed]]));
    }

    private static ComRuleRecord Allow(string port, string remote) => ComRuleRecords.Allow("r", port, remote) with { Profiles = 1 };

    private static void AssertNoStateAdmitsMore(IReadOnlyList<ComRuleRecord> old, IReadOnlyList<ComRuleRecord> @new, IReadOnlyList<IReadOnlyList<ComRuleRecord>> states)
    {
        var packets = PacketsThatCanDiffer(old, states).ToList();
        foreach (var evaluator in new[] { new PacketEvaluator(defaultAllow: false), new PacketEvaluator(defaultAllow: true) })
        {
            var allowedEitherWay = packets.Where(p => evaluator.Admits(old, p) || evaluator.Admits(@new, p)).ToHashSet();
            for (var i = 0; i < states.Count; i++)
            {
                var leak = packets.FirstOrDefault(p => !allowedEitherWay.Contains(p) && evaluator.Admits(states[i], p));
                Assert.That(leak, Is.Null, $"committed state {i + 1} of {states.Count} admits a packet neither the old nor the new firewall admits");
            }
        }
    }

    /// <summary>
    /// Packets on the local ports of every rule that differs from the old firewall in some state,
    /// from each sample source, for TCP and UDP, on a planned and an unplanned profile, from fwkit's
    /// program and another. Ports no changed rule covers meet the same rules in every state.
    /// </summary>
    private static IEnumerable<Packet> PacketsThatCanDiffer(IReadOnlyList<ComRuleRecord> old, IReadOnlyList<IReadOnlyList<ComRuleRecord>> states)
    {
        var changed = states.SelectMany(s => s.Except(old).Concat(old.Except(s))).Distinct();
        var ports = changed
            .SelectMany(r => r.LocalPorts is null or "*" ? [12345] : PortSet.Parse(r.LocalPorts.Split(',')).Numbers.Intervals.SelectMany(i => new[] { (int)i.Start, (int)i.End }))
            .Distinct()
            .ToList();
        return from port in ports
               from source in Sources
               from protocol in new[] { 6, 17 }
               from profile in new[] { 1, 4 }
               from program in new[] { Program, OtherProgram }
               select new Packet(protocol, port, source, profile, program);
    }
}
