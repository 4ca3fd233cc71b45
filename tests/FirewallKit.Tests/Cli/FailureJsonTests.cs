using System.Text.Json.Nodes;
using FirewallKit.Cli;
using FirewallKit.Core.Machine;
using FirewallKit.Core.Operations;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Cli;

/// <summary>With --format json a failure still prints the fwkit.result summary with its problems, whatever the exit code.</summary>
public class FailureJsonTests
{
    private static readonly string Cluster = RepoPaths.Profile("cluster.json");
    private static readonly IFirewallEnvironment NoWindowsFirewall = new UnsupportedPlatformEnvironment();
    private TempDirectory _folder = null!;
    private string _badProfile = null!;

    [SetUp]
    public void BadProfile()
    {
        _folder = new TempDirectory();
        Directory.CreateDirectory(_folder.Path);
        _badProfile = Path.Combine(_folder.Path, "bad.json");
        File.WriteAllText(_badProfile, """{ "productVersion": "5.1.2", "topology": "cluster", "peers": [ { "name": "a", "addresses": [ "10.0.0.256" ] } ] }""");
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private static CliRunner.Result Run(params string[] args) => CliRunner.Run(NoWindowsFirewall, FixedClock.Default, args);

    private static JsonNode Summary(CliRunner.Result result)
    {
        var json = JsonNode.Parse(result.Out)!;
        Assert.That(json["contract"]!.GetValue<string>(), Is.EqualTo(OperationReport.ContractVersion));
        Assert.That(json["exitCode"]!.GetValue<int>(), Is.EqualTo(result.ExitCode));
        return json;
    }

    [TestCase("plan")]
    [TestCase("validate")]
    [TestCase("export")]
    [TestCase("apply")]
    [TestCase("verify")]
    public void Invalid_profile_exits_2_with_each_problem_in_the_summary(string command)
    {
        var result = Run(command, "--profile", _badProfile, "--format", "json");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        var json = Summary(result);
        Assert.That(json["operation"]!.GetValue<string>(), Is.EqualTo(command));
        Assert.That(json["status"]!.GetValue<string>(), Is.EqualTo("invalid-input"));
        Assert.That(json["problems"]![0]!.GetValue<string>(), Does.StartWith($"{_badProfile}: $.peers[0].addresses[0]: '10.0.0.256' is not an IPv4 address"));
        var error = json["inputErrors"]![0]!;
        Assert.That(error["file"]!.GetValue<string>(), Is.EqualTo(_badProfile));
        Assert.That(error["path"]!.GetValue<string>(), Is.EqualTo("$.peers[0].addresses[0]"));
        Assert.That(error["fix"]!.GetValue<string>(), Does.StartWith("use the server's IPv4 or IPv6 addresses"));
        Assert.That(result.Error, Does.Contain("error: "), "the log still says it too");
    }

    [Test]
    public void Check_with_a_bad_address_exits_2_with_the_summary()
    {
        var result = Run("check", "--profile", Cluster, "--from", "10.0.0.256", "--port", "443", "--format", "json");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(Summary(result)["inputErrors"]![0]!["path"]!.GetValue<string>(), Is.EqualTo("--from"));
    }

    [Test]
    public void A_command_line_error_exits_2_with_the_summary()
    {
        var result = Run("apply", "--profile", Cluster, "--format", "json", "--dry-runn");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        var json = Summary(result);
        Assert.That(json["operation"]!.GetValue<string>(), Is.EqualTo("apply"));
        Assert.That(json["problems"]!.AsArray().Select(p => p!.GetValue<string>()), Has.Some.Contains("--dry-runn"));
    }

    [Test]
    public void Verify_without_a_windows_firewall_exits_3_with_the_environment_problem()
    {
        var result = Run("verify", "--profile", Cluster, "--format", "json");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Environment));
        var json = Summary(result);
        Assert.That(json["status"]!.GetValue<string>(), Is.EqualTo("blocked"));
        Assert.That(json["problems"]![0]!.GetValue<string>(), Is.EqualTo("needs Windows; use `fwkit export` to produce a script"));
    }

    [Test]
    public void Audit_without_a_dump_off_windows_exits_3_with_the_problem()
    {
        var result = Run("audit", "--profile", Cluster, "--format", "json");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Environment));
        var json = Summary(result);
        Assert.That(json["status"]!.GetValue<string>(), Is.EqualTo("blocked"));
        Assert.That(json["problems"]![0]!.GetValue<string>(), Does.Contain("save a dump and pass it with --rules"));
    }

    [Test]
    public void Validate_json_of_a_valid_profile_reports_valid_with_its_warnings()
    {
        var result = Run("validate", "--profile", Cluster, "--format", "json");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        var json = Summary(result);
        Assert.That(json["status"]!.GetValue<string>(), Is.EqualTo("valid"));
        Assert.That(json["rules"]!.GetValue<int>(), Is.EqualTo(ShippedPlans.Of("cluster.json").Rules.Count));
        Assert.That(json["planHash"]!.GetValue<string>(), Does.StartWith("sha256:"));
        Assert.That(json["warnings"]!.AsArray().Select(w => w!["code"]!.GetValue<string>()), Does.Contain("unconfirmed"));
        Assert.That(json["problems"]!.AsArray(), Is.Empty);
    }

    [Test]
    public void The_summary_of_a_failure_goes_to_the_output_file()
    {
        var file = Path.Combine(_folder.Path, "result.json");

        var result = Run("apply", "--profile", _badProfile, "--format", "json", "--output", file);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(result.Out, Is.Empty);
        Assert.That(JsonNode.Parse(File.ReadAllText(file))!["status"]!.GetValue<string>(), Is.EqualTo("invalid-input"));
    }

    [Test]
    public void Without_format_json_a_failure_prints_nothing_on_stdout()
    {
        var result = Run("apply", "--profile", _badProfile);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(result.Out, Is.Empty);
    }
}
