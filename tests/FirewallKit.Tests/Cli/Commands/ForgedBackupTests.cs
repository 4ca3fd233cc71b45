using FirewallKit.Core.Addresses;
using FirewallKit.Core.Apply;
using FirewallKit.Core.IO;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Cli.Commands;

/// <summary>rollback --backup with files nobody but fwkit should have written: each is refused, and nothing on the firewall changes.</summary>
public class ForgedBackupTests
{
    private static readonly string Cluster = RepoPaths.Profile("cluster.json");

    private TempDirectory _folder = null!;
    private InMemoryFirewallStore _store = null!;
    private FakeEnvironment _windows = null!;

    [SetUp]
    public void NewMachine()
    {
        _folder = new TempDirectory();
        Directory.CreateDirectory(_folder.Path);
        _store = new InMemoryFirewallStore();
        _windows = new FakeEnvironment(_store);
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private CliRunner.Result Rollback(IReadOnlyList<FirewallRule> rules, params string[] args)
    {
        var backup = Path.Combine(_folder.Path, "backup.json");
        File.WriteAllText(backup, RuleBackupFile.ToJson(new RuleBackup(TestRules.Ownership, FixedClock.Default.GetUtcNow(), "apply", [.. rules])));
        return CliRunner.Run(_windows, FixedClock.Default, ["rollback", "--backup", backup, .. args, "--backup-dir", Path.Combine(_folder.Path, "backups")]);
    }

    private static FirewallRule OpenEverything(TransportProtocol protocol) => new()
    {
        Name = $"fwkit-printeron-{protocol.ToString().ToLowerInvariant()}-1-allow",
        DisplayName = "Everything",
        Description = "Managed by fwkit",
        Group = TestRules.Group,
        Action = RuleAction.Allow,
        Protocol = protocol,
        LocalPorts = PortSet.Parse("1-65535"),
        RemoteAddresses = Core.Addresses.AddressSet.Any,
        Profiles = NetworkProfiles.All,
    };

    private void AssertRefused(CliRunner.Result result, string expected)
    {
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
        Assert.That(result.Error, Does.Contain(expected));
        Assert.That(result.Error, Does.Not.Contain("   at "));
        Assert.That(_store.Writes, Is.Zero);
    }

    [Test]
    public void A_backup_that_opens_every_port_is_refused()
    {
        var result = Rollback([OpenEverything(TransportProtocol.Tcp), OpenEverything(TransportProtocol.Udp)], "--profile", Cluster, "--yes");

        AssertRefused(result, "$.rules[0].localPorts: port(s) 1, 65535 are neither ports of catalog 'printeron'");
    }

    [Test]
    public void A_backup_that_opens_every_port_is_refused_without_any_option()
    {
        var result = Rollback([OpenEverything(TransportProtocol.Tcp), OpenEverything(TransportProtocol.Udp)]);

        AssertRefused(result, "$.rules[0].localPorts: port(s) 1, 65535 are neither ports of catalog 'printeron'");
    }

    [TestCase("fwkit-printeron-tcp-80-block\nx", "$.rules[0].name")]
    [TestCase("fwkit-printeron-tcp-80-block\u001B[2J", "$.rules[0].name")]
    [TestCase("fwkit-printeron-tcp-80-block\u202E", "$.rules[0].name")]
    [TestCase("fwkit-printeron-tcp-81-block", "$.rules[0].name: 'fwkit-printeron-tcp-81-block' is not a name fwkit gives a rule")]
    [TestCase("fwkit-printeron-evil", "$.rules[0].name: 'fwkit-printeron-evil' is not a name fwkit gives a rule")]
    public void A_name_fwkit_would_not_write_is_refused(string name, string expected)
    {
        var result = Rollback([TestRules.Block("tcp-80-block", 80) with { Name = name }], "--profile", Cluster);

        AssertRefused(result, expected);
    }

    [Test]
    public void A_group_with_a_bidirectional_control_is_refused()
    {
        var rule = TestRules.Block("tcp-80-block", 80) with { Group = TestRules.Group + "\u202E" };

        var result = Rollback([rule], "--profile", Cluster);

        AssertRefused(result, "$.rules[0].group: the text contains the character U+202E");
    }

    [Test]
    public void A_group_other_than_the_profiles_is_refused()
    {
        var backup = Path.Combine(_folder.Path, "backup.json");
        var group = "Some Other Group";
        File.WriteAllText(backup, RuleBackupFile.ToJson(new RuleBackup(new RuleOwnership(group, TestRules.Prefix), FixedClock.Default.GetUtcNow(), "apply", [TestRules.Block("tcp-80-block", 80) with { Group = group }])));

        var result = CliRunner.Run(_windows, FixedClock.Default, "rollback", "--backup", backup, "--profile", Cluster, "--backup-dir", _folder.Path);

        AssertRefused(result, "$.group: 'Some Other Group' is not the deployment's rule group ('PrinterOn Firewall (fwkit)')");
    }

    [TestCase("applicationName", "C:\\x.exe\u001B", "the value of 'applicationName' contains the character U+001B")]
    [TestCase("secureFlags", "9", "'9' is not a value of secureFlags")]
    [TestCase("edgeTraversalOptions", "7", "'7' is not a value of edgeTraversalOptions")]
    [TestCase("launchMissiles", "yes", "'launchMissiles' is not a rule condition fwkit reads")]
    public void An_extra_field_outside_the_field_table_or_its_range_is_refused(string key, string value, string expected)
    {
        var rule = TestRules.Block("tcp-80-block", 80) with { ExtraFields = new Dictionary<string, string>(StringComparer.Ordinal) { [key] = value } };

        var result = Rollback([rule], "--profile", Cluster);

        AssertRefused(result, $"$.rules[0].extraFields.{key}: {expected}");
    }

    [Test]
    public void A_rollback_that_opens_a_port_wider_than_the_plan_is_shown_by_a_dry_run_and_needs_yes()
    {
        var plan = ShippedPlans.Of("cluster.json").Rules;
        var widened = plan.Select(r => r.Name == "fwkit-printeron-tcp-5200-allow" ? r with { RemoteAddresses = Core.Addresses.AddressSet.Any } : r)
            .Where(r => r.Name != "fwkit-printeron-tcp-5200-block-others")
            .ToList();

        var dryRun = Rollback(widened, "--profile", Cluster, "--dry-run");
        var refused = Rollback(widened, "--profile", Cluster);
        var writesAfterRefusal = _store.Writes;
        var confirmed = Rollback(widened, "--profile", Cluster, "--yes");

        Assert.That(dryRun.ExitCode, Is.EqualTo(0), dryRun.Error);
        Assert.That(dryRun.Error, Does.Contain("rollback-opens-more: the rollback opens more than the current plan of profile 'cluster': TCP 5200 in Domain: "));
        Assert.That(refused.ExitCode, Is.EqualTo(2), refused.Error);
        Assert.That(refused.Error, Does.Contain("Fix: review it with --dry-run, then pass --yes to restore it anyway"));
        Assert.That(writesAfterRefusal, Is.Zero);
        Assert.That(confirmed.ExitCode, Is.EqualTo(0), confirmed.Error);
    }

    [Test]
    public void A_rollback_of_the_plan_itself_needs_no_yes()
    {
        var result = Rollback(ShippedPlans.Of("cluster.json").Rules, "--profile", Cluster);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Error, Does.Not.Contain("rollback-opens-more"));
    }

    [Test]
    public void A_backup_folder_others_can_write_to_is_refused_before_anything_is_written()
    {
        _windows.Folders = new RefusingFolders();

        var result = CliRunner.Run(_windows, FixedClock.Default, "apply", "--profile", Cluster, "--backup-dir", _folder.Path);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.Error);
        Assert.That(result.Error, Does.Contain($"the backup folder is refused: the folder '{_folder.Path}' can be written by BUILTIN\\Users"));
        Assert.That(_store.Writes, Is.Zero);
    }

    /// <summary>What WindowsFolderGuard reports for a folder that inherited %ProgramData%'s "Users may create files".</summary>
    private sealed class RefusingFolders : Core.IO.IFolderGuard
    {
        public void Prepare(string folder) => throw Core.IO.FolderAccessPolicy.Refusal(folder, [@"BUILTIN\Users"]);
    }
}
