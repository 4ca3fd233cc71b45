using System.Text.Json.Nodes;
using FirewallKit.Cli;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Cli.Commands;

/// <summary>
/// What docs/installers.md promises an MSI custom action, an Inno Setup [Run] entry or a deployment script: the exact
/// command lines it shows, their exit codes, a silent stdout and stderr under --quiet, the summary file and the log.
/// </summary>
public class InstallerContractTests
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

    private string PathOf(string name) => Path.Combine(_folder.Path, name);

    private CliRunner.Result Install(string profile = "") => CliRunner.Run(
        _windows,
        FixedClock.Default,
        "apply", "--profile", profile.Length > 0 ? profile : Cluster, "--quiet", "--format", "json",
        "--output", PathOf("fwkit-result.json"), "--log-file", PathOf("install.log"), "--backup-dir", PathOf("backups"));

    private CliRunner.Result Uninstall() => CliRunner.Run(
        _windows, FixedClock.Default, "remove", "--quiet", "--log-file", PathOf("uninstall.log"), "--backup-dir", PathOf("backups"));

    private JsonNode Summary() => JsonNode.Parse(File.ReadAllText(PathOf("fwkit-result.json")))!;

    [Test]
    public void Install_exits_0_silently_with_the_summary_file_and_the_log()
    {
        var result = Install();

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        Assert.That(result.Out, Is.Empty);
        Assert.That(result.Error, Is.Empty, "--quiet leaves stderr to errors");
        Assert.That(Summary()["status"]!.GetValue<string>(), Is.EqualTo("applied"));
        Assert.That(Summary()["counts"]!["create"]!.GetValue<int>(), Is.EqualTo(ShippedPlans.Of("cluster.json").Rules.Count));
        Assert.That(File.ReadAllText(PathOf("install.log")), Does.Contain("[INF] Backup of the owned rules as they were: "));
    }

    [Test]
    public void The_install_log_has_what_a_support_case_needs()
    {
        var result = Install();

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        var log = File.ReadAllText(PathOf("install.log"));
        var planHash = JsonNode.Parse(File.ReadAllText(PathOf("fwkit-result.json")))!["planHash"]!.GetValue<string>();
        var profileHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Cluster)));
        Assert.That(log, Does.Match(@"\[DBG\] fwkit apply started: version \d+\.\d+\.\d+, commit ([0-9a-f]{12}|unknown), arguments \[""apply"",""--profile"","".*cluster\.json"",""--quiet"""));
        Assert.That(log, Does.Contain($"--profile {Cluster} ({Path.GetFullPath(Cluster)}): sha256:{profileHash}"));
        Assert.That(log, Does.Contain($"apply outcome: applied, plan {planHash}, backup "));
        Assert.That(log, Does.Match(@"\[DBG\] fwkit apply finished: exit code 0 \(Success\) after \d+ ms"));
    }

    [Test]
    public void A_failed_install_logs_its_exit_code_by_name()
    {
        var result = Install(PathOf("missing.json"));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(File.ReadAllText(PathOf("install.log")), Does.Match(@"fwkit apply finished: exit code 2 \(InvalidInput\) after \d+ ms"));
    }

    [Test]
    public void A_repair_that_runs_install_again_exits_0_with_no_changes()
    {
        Install();

        var again = Install();

        Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(Summary()["status"]!.GetValue<string>(), Is.EqualTo("no-changes"));
    }

    [Test]
    public void Uninstall_removes_the_rules_and_exits_0_even_when_run_twice()
    {
        Install();

        var first = Uninstall();
        var second = Uninstall();

        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Success), first.Error);
        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Success), second.Error);
        Assert.That(_store.Rules, Is.Empty);
        Assert.That(first.Error + second.Error, Is.Empty);
        Assert.That(File.ReadAllText(PathOf("uninstall.log")), Does.Contain("fwkit remove started"));
    }

    [Test]
    public void A_bad_profile_exits_2_and_the_summary_names_the_problem()
    {
        var profile = PathOf("bad.json");
        File.WriteAllText(profile, """{ "productVersion": "5.1.2", "topology": "clustr" }""");

        var result = Install(profile);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(Summary()["status"]!.GetValue<string>(), Is.EqualTo("invalid-input"));
        Assert.That(Summary()["inputErrors"]![0]!["path"]!.GetValue<string>(), Is.EqualTo("$.topology"));
        Assert.That(File.ReadAllText(PathOf("install.log")), Does.Contain("[ERR] "));
        Assert.That(_store.Writes, Is.Zero);
    }

    [Test]
    public void Not_elevated_exits_3_and_the_summary_says_why()
    {
        _windows.State = _windows.State with { IsElevated = false };

        var result = Install();

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Environment));
        Assert.That(Summary()["status"]!.GetValue<string>(), Is.EqualTo("blocked"));
        Assert.That(Summary()["problems"]!.AsArray(), Is.Not.Empty);
        Assert.That(result.Error, Does.StartWith("error: "), "errors still reach stderr under --quiet");
        Assert.That(_store.Writes, Is.Zero);
    }

    [Test]
    public void A_mistyped_option_in_the_installer_exits_2_and_reaches_the_log()
    {
        var result = CliRunner.Run(_windows, FixedClock.Default, "apply", "--profle", Cluster, "--quiet", "--log-file", PathOf("install.log"));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(File.ReadAllText(PathOf("install.log")), Does.Contain("[ERR] Unrecognized command or argument '--profle'."));
    }

    [Test]
    public void Verify_for_monitoring_exits_1_on_drift()
    {
        Install();
        var rule = _store.Rules[0];
        _store.Remove(rule.Group, rule.Name);

        var result = CliRunner.Run(_windows, FixedClock.Default, "verify", "--profile", Cluster, "--quiet", "--format", "json");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Drift));
        Assert.That(JsonNode.Parse(result.Out)!["status"]!.GetValue<string>(), Is.EqualTo("drift"));
    }
}
