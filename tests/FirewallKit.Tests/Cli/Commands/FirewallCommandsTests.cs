using System.Text.Json;
using System.Text.Json.Nodes;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Machine;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Cli.Commands;

/// <summary>apply, verify, remove and rollback end to end, in-process: off Windows, and on a fake Windows machine.</summary>
public class FirewallCommandsTests
{
    private static readonly string Cluster = RepoPaths.Profile("cluster.json");

    /// <summary>How many rules the cluster profile plans; the plan itself is pinned by the golden files.</summary>
    private static readonly int ClusterRules = ShippedPlans.Of("cluster.json").Rules.Count;
    private static readonly IFirewallEnvironment Linux = new UnsupportedPlatformEnvironment();
    private TempDirectory _backups = null!;
    private InMemoryFirewallStore _store = null!;
    private FakeEnvironment _windows = null!;

    [SetUp]
    public void NewMachine()
    {
        _backups = new TempDirectory();
        _store = new InMemoryFirewallStore();
        _windows = new FakeEnvironment(_store);
    }

    [TearDown]
    public void DeleteBackups() => _backups.Dispose();

    private CliRunner.Result OnWindows(params string[] args) => CliRunner.Run(_windows, FixedClock.Default, [.. args, "--backup-dir", _backups.Path]);

    private static CliRunner.Result OnLinux(params string[] args) => CliRunner.Run(Linux, FixedClock.Default, args);

    [TestCase("apply", "--profile", "PROFILE")]
    [TestCase("verify", "--profile", "PROFILE")]
    [TestCase("remove")]
    public void Off_windows_valid_input_exits_3_with_the_export_hint(params string[] args)
    {
        var result = OnLinux([.. args.Select(a => a == "PROFILE" ? Cluster : a)]);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.Error);
        Assert.That(result.Error, Does.Contain("error: needs Windows; use `fwkit export` to produce a script"));
        Assert.That(result.Out, Is.Empty);
    }

    [Test]
    public void Off_windows_a_dry_run_shows_the_changes_then_exits_3()
    {
        var result = OnLinux("apply", "--profile", Cluster, "--dry-run");

        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Error, Does.Contain("needs Windows"));
        Approvals.Verify(result.Out, "apply-dry-run-off-windows.txt");
    }

    [Test]
    public void Off_windows_a_rollback_checks_the_backup_file_first()
    {
        var backup = Path.Combine(Directory.CreateDirectory(_backups.Path).FullName, "backup.json");
        File.WriteAllText(backup, RuleBackupFile.ToJson(new RuleBackup(TestRules.Ownership, FixedClock.Default.GetUtcNow(), "apply", [TestRules.Block("tcp-80-block", 80)])));

        Assert.That(OnLinux("rollback", "--backup", backup).ExitCode, Is.EqualTo(3));
        Assert.That(OnLinux("rollback", "--backup", Cluster).ExitCode, Is.EqualTo(2));
    }

    [TestCase("apply", "--profile", "missing.json")]
    [TestCase("apply")]
    [TestCase("verify", "--profile", "PROFILE", "--format", "xml")]
    [TestCase("verify", "--profile", "PROFILE", "--output", "json")]
    [TestCase("rollback", "--backup", "missing.json")]
    [TestCase("remove", "--group", "a|b")]
    public void Invalid_input_exits_2_on_any_machine(params string[] args)
    {
        var resolved = args.Select(a => a == "PROFILE" ? Cluster : a).ToArray();
        Assert.That(OnLinux(resolved).ExitCode, Is.EqualTo(2));
        Assert.That(CliRunner.Run(_windows, FixedClock.Default, resolved).ExitCode, Is.EqualTo(2));
        Assert.That(_store.Writes, Is.Zero);
    }

    [Test]
    public void Apply_prints_the_changes_and_a_second_run_reports_no_changes()
    {
        var first = OnWindows("apply", "--profile", Cluster);
        var second = OnWindows("apply", "--profile", Cluster);

        Assert.That(first.ExitCode, Is.EqualTo(0), first.Error);
        Assert.That(first.Out, Does.Contain("  create     fwkit-printeron-tcp-443-allow").And.Contain($"Applied: {ClusterRules} created; read back and verified."));
        Assert.That(first.Error, Does.Contain("Backup of the owned rules as they were: ").And.Contain("fwkit-backup-20261125T093000Z-apply.json"));
        Assert.That(second.ExitCode, Is.EqualTo(0));
        Approvals.Verify(second.Out, "apply-no-changes.txt");
        Assert.That(_backups.Files, Has.Length.EqualTo(1));
    }

    [Test]
    public void Changing_one_peers_address_updates_only_the_rules_that_admit_it()
    {
        OnWindows("apply", "--profile", Cluster);
        Directory.CreateDirectory(_backups.Path);
        var moved = Path.Combine(_backups.Path, "cluster-moved.json");
        File.WriteAllText(moved, File.ReadAllText(Cluster).Replace("10.20.0.12", "10.20.0.14", StringComparison.Ordinal));
        var writes = _store.Writes;

        var result = OnWindows("apply", "--profile", moved);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(_store.Writes - writes, Is.EqualTo(8));
        Approvals.Verify(result.Out, "apply-peer-moved.txt");
    }

    [Test]
    public void Verify_exits_0_in_sync_and_1_with_the_drift_listed()
    {
        OnWindows("apply", "--profile", Cluster);
        var inSync = CliRunner.Run(_windows, FixedClock.Default, "verify", "--profile", Cluster);
        var rule = _store.List(TestRules.Group).Rules.Single(r => r.Name == "fwkit-printeron-tcp-5200-allow");
        _store.Update(rule with { RemoteAddresses = AddressSet.Parse("Any") });
        _store.Remove(TestRules.Group, "fwkit-printeron-tcp-80-block");
        _store.Add(TestRules.Allow("tcp-9999-allow", 9999));

        var drift = CliRunner.Run(_windows, FixedClock.Default, "verify", "--profile", Cluster);

        Assert.That(inSync.ExitCode, Is.EqualTo(0));
        Assert.That(inSync.Out, Does.Contain($"In sync: the firewall holds exactly the {ClusterRules} rules of the plan."));
        Assert.That(drift.ExitCode, Is.EqualTo(1));
        Approvals.Verify(drift.Out, "verify-drift.txt");
    }

    [Test]
    public void Json_output_is_a_summary_with_the_exit_code()
    {
        var result = OnWindows("apply", "--profile", Cluster, "--dry-run", "--format", "json", "--quiet");

        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Error, Is.Empty, "--quiet logs errors only");
        Assert.That(root.GetProperty("contract").GetString(), Is.EqualTo("fwkit.result/1"));
        Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("dry-run"));
        Assert.That(root.GetProperty("exitCode").GetInt32(), Is.EqualTo(0));
        Assert.That(root.GetProperty("counts").GetProperty("create").GetInt32(), Is.EqualTo(ClusterRules));
        Assert.That(root.GetProperty("changes")[0].GetProperty("name").GetString(), Is.EqualTo("fwkit-printeron-tcp-80-block"));
        Assert.That(_store.Writes, Is.Zero);
    }

    [Test]
    public void Remove_then_rollback_restores_the_rules()
    {
        OnWindows("apply", "--profile", Cluster);
        var removed = OnWindows("remove", "--format", "json");
        var backup = JsonDocument.Parse(removed.Out).RootElement.GetProperty("backup").GetString()!;

        var dryRun = OnWindows("rollback", "--backup", backup, "--profile", Cluster, "--dry-run");
        var rolledBack = OnWindows("rollback", "--backup", backup, "--profile", Cluster);

        Assert.That(removed.ExitCode, Is.EqualTo(0), removed.Error);
        Assert.That(dryRun.Out, Does.Contain($"Dry run: {ClusterRules} to create; nothing was written."));
        Assert.That(rolledBack.ExitCode, Is.EqualTo(0), rolledBack.Error);
        Assert.That(CliRunner.Run(_windows, FixedClock.Default, "verify", "--profile", Cluster).ExitCode, Is.EqualTo(0));
    }

    [Test]
    public void A_backup_made_with_another_catalog_rolls_back_with_that_catalog_only()
    {
        var catalog = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src/FirewallKit.Core/Catalog/Data/printeron.json")))!;
        catalog["ruleNamePrefix"] = "acme-print";
        var catalogPath = Path.Combine(Directory.CreateDirectory(_backups.Path).FullName, "acme.json");
        File.WriteAllText(catalogPath, catalog.ToJsonString());
        OnWindows("apply", "--profile", Cluster, "--catalog", catalogPath);
        var applied = _store.Rules.Count;
        var removed = OnWindows("remove", "--catalog", catalogPath, "--format", "json");
        var backup = JsonDocument.Parse(removed.Out).RootElement.GetProperty("backup").GetString()!;
        var writesBefore = _store.Writes;

        var refused = OnWindows("rollback", "--backup", backup, "--profile", Cluster);
        var rolledBack = OnWindows("rollback", "--backup", backup, "--profile", Cluster, "--catalog", catalogPath);

        Assert.That(removed.ExitCode, Is.EqualTo(0), removed.Error);
        Assert.That(refused.ExitCode, Is.EqualTo(2), refused.Error);
        Assert.That(refused.Error, Does.Contain($"error: {backup}: $.namePrefix: 'acme-print' is not the rule name prefix of the catalog in use ('fwkit-printeron')"));
        Assert.That(refused.Error, Does.Contain("Fix: roll back with the catalog whose ruleNamePrefix is 'acme-print': --catalog FILE"));
        Assert.That(rolledBack.ExitCode, Is.EqualTo(0), rolledBack.Error);
        Assert.That(applied, Is.GreaterThan(0));
        Assert.That(_store.Writes - writesBefore, Is.EqualTo(applied), "the refused rollback wrote nothing; the one with --catalog restored every rule");
        Assert.That(_store.Rules.Select(r => r.Name).ToList(), Has.Count.EqualTo(applied).And.All.StartWith("acme-print-"));
    }

    [Test]
    public void A_failed_apply_exits_4_when_rolled_back_and_5_when_the_rollback_fails()
    {
        _store.FailAt(3);
        var rolledBack = OnWindows("apply", "--profile", Cluster);
        _store.FailAt(3, keepFailing: true);
        _store.Seed(TestRules.Block("tcp-9999-block", 9999));
        var failed = OnWindows("apply", "--profile", Cluster);

        Assert.That(rolledBack.ExitCode, Is.EqualTo(4));
        Assert.That(rolledBack.Error, Does.Contain("apply failed: injected failure at write 3").And.Contain("was restored and verified"));
        Assert.That(failed.ExitCode, Is.EqualTo(5));
        Assert.That(failed.Error, Does.Contain("Restoring the backup failed too").And.Contain("fwkit rollback --backup").And.Contain(_backups.Path));
    }

    [Test]
    public void Not_elevated_or_locked_exits_3()
    {
        _windows.LockHeldElsewhere = true;
        var locked = OnWindows("apply", "--profile", Cluster);
        _windows.LockHeldElsewhere = false;
        _windows.State = _windows.State with { IsElevated = false };
        var notElevated = OnWindows("remove");

        Assert.That(locked.ExitCode, Is.EqualTo(3));
        Assert.That(locked.Error, Does.Contain("another fwkit apply, remove or rollback is running"));
        Assert.That(notElevated.ExitCode, Is.EqualTo(3));
        Assert.That(notElevated.Error, Does.Contain("elevated"));
    }
}
