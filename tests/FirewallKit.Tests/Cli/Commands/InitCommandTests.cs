using System.Text.Json.Nodes;
using FirewallKit.Cli;
using FirewallKit.Core.Machine;
using FirewallKit.Core.Schemas;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Cli.Commands;

/// <summary>fwkit init writes a starter profile that validates; its placeholders can be reviewed but never applied.</summary>
public class InitCommandTests
{
    private static readonly IFirewallEnvironment NoWindowsFirewall = new UnsupportedPlatformEnvironment();
    private TempDirectory _folder = null!;

    [SetUp]
    public void NewFolder()
    {
        _folder = new TempDirectory();
        Directory.CreateDirectory(_folder.Path);
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private string File(string name) => Path.Combine(_folder.Path, name);

    private static CliRunner.Result Run(params string[] args) => CliRunner.Run(NoWindowsFirewall, FixedClock.Default, args);

    [TestCase("single")]
    [TestCase("cluster")]
    [TestCase("Multi-Server")]
    public void A_starter_without_addresses_validates_and_says_it_has_placeholders(string topology)
    {
        var profile = File("starter.json");

        var init = Run("init", "--topology", topology, "--output", profile);
        var validate = Run("validate", "--profile", profile);

        Assert.That(init.ExitCode, Is.EqualTo(ExitCodes.Success), init.Error);
        Assert.That(init.Error, Does.Contain("warning: The profile has placeholder addresses"));
        Assert.That(validate.ExitCode, Is.EqualTo(ExitCodes.Success), validate.Error);
        Assert.That(validate.Out, Does.Contain("valid as a starter, not yet deployable"));
        Assert.That(validate.Error, Does.Contain("warning: placeholder-address: "));
    }

    [TestCase("export", "--format", "powershell")]
    [TestCase("export", "--format", "netsh")]
    [TestCase("apply")]
    public void Apply_and_export_refuse_a_profile_with_placeholders(params string[] command)
    {
        var profile = File("starter.json");
        Run("init", "--topology", "cluster", "--clients", "10.0.0.0/8", "--admins", "10.30.0.0/24", "--output", profile);

        var result = Run([.. command, "--profile", profile]);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(result.Error, Does.Contain($"error: {profile}: $.peers[0].addresses[0]: this is a documentation address"));
        Assert.That(result.Error, Does.Contain($"error: {profile}: $.peers[1].addresses[0]: "));
        Assert.That(result.Error, Does.Not.Contain("$.addresses.clients"), "given addresses are not placeholders");
        Assert.That(result.Out, Is.Empty);
    }

    [Test]
    public void A_dry_run_shows_a_starter_so_it_can_be_reviewed()
    {
        var profile = File("starter.json");
        Run("init", "--topology", "single", "--output", profile);

        var result = Run("apply", "--profile", profile, "--dry-run");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Environment), "off Windows a dry run shows the changes, then exits 3");
        Assert.That(result.Out, Does.Contain("198.51.100.0/24"));
    }

    [Test]
    public void With_every_address_given_the_profile_exports()
    {
        var profile = File("cluster.json");

        var init = Run(
            "init", "--topology", "cluster", "--clients", "10.0.0.0/8", "fd00::/16", "--admins", "10.30.0.0/24",
            "--peer", "pon-app-2=10.20.0.12", "--peer", "pon-app-3=fd00:20::13", "--product-version", "5.1.2", "--output", profile);
        var validate = Run("validate", "--profile", profile);
        var export = Run("export", "--profile", profile);

        Assert.That(init.ExitCode, Is.EqualTo(ExitCodes.Success), init.Error);
        Assert.That(init.Error, Does.Not.Contain("placeholder"));
        Assert.That(validate.Out, Does.Match(@": valid \(\d+ rules"));
        Assert.That(export.ExitCode, Is.EqualTo(ExitCodes.Success), export.Error);
        Assert.That(export.Out, Does.Contain("10.20.0.12, fd00:20::13").Or.Contains("'10.20.0.12', 'fd00:20::13'"));
    }

    [Test]
    public void Load_balancers_and_features_go_into_the_profile_and_it_validates()
    {
        var profile = File("lb.json");

        var init = Run(
            "init", "--topology", "single", "--clients", "10.0.0.0/8", "--admins", "10.30.0.0/24", "--load-balancers", "10.20.0.5",
            "--feature", "airPrintDiscovery", "--feature", "http80=off", "--output", profile);
        var json = JsonNode.Parse(System.IO.File.ReadAllText(profile))!;
        var validate = Run("validate", "--profile", profile);

        Assert.That(init.ExitCode, Is.EqualTo(ExitCodes.Success), init.Error);
        Assert.That(json["addresses"]!["loadBalancers"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "10.20.0.5" }));
        Assert.That(json["features"]!["airPrintDiscovery"]!.GetValue<bool>(), Is.True);
        Assert.That(json["features"]!["http80"]!.GetValue<bool>(), Is.False);
        Assert.That(validate.ExitCode, Is.EqualTo(ExitCodes.Success), validate.Error);
    }

    [Test]
    public void An_unknown_feature_names_the_known_ones()
    {
        var result = Run("init", "--topology", "single", "--feature", "airprintdiscovery");

        Assert.That(result.Error, Does.StartWith("error: command line: --feature: unknown feature 'airprintdiscovery'. Fix: did you mean 'airPrintDiscovery'? Known features: http80, pdg, "));
    }

    [TestCase("init")]
    [TestCase("schema")]
    public void Help_of_a_command_without_format_does_not_mention_it(string command)
    {
        var result = Run(command, "--help");

        Assert.That(result.Out, Does.Contain("--output"));
        Assert.That(result.Out, Does.Not.Contain("--format"));
    }

    [Test]
    public void Multi_server_peers_take_their_roles()
    {
        var result = Run("init", "--topology", "multi-server", "--peer", "pon-pas-1=10.20.0.21", "--peer-role", "pon-pas-1=pas", "--peer", "pon-cps=10.20.0.10", "--peer-role", "pon-cps=cps");
        var peers = JsonNode.Parse(result.Out)!["peers"]!.AsArray();

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        Assert.That(peers.Select(p => $"{p!["name"]}:{p["roles"]![0]}"), Is.EqualTo(new[] { "pon-pas-1:pas", "pon-cps:cps" }));
    }

    [Test]
    public void The_schema_is_named_by_its_absolute_id_so_a_copied_profile_keeps_it()
    {
        var json = JsonNode.Parse(Run("init", "--topology", "single").Out)!;

        Assert.That(json["$schema"]!.GetValue<string>(), Is.EqualTo(JsonSchemas.Id("profile")));
        Assert.That(new Uri(json["$schema"]!.GetValue<string>()).IsAbsoluteUri, Is.True);
    }

    [TestCase("--clients", "10.0.0.256", "--clients")]
    [TestCase("--peer", "pon-app-2", "--peer")]
    [TestCase("--peer", "pon-app-2=Any", "--peer")]
    [TestCase("--product-version", "latest", "--product-version")]
    [TestCase("--peer-role", "nobody=pas", "--peer-role")]
    [TestCase("--load-balancers", "10.0.0.256", "--load-balancers")]
    [TestCase("--feature", "airprint", "--feature")]
    [TestCase("--feature", "ajp=maybe", "--feature")]
    public void A_bad_value_exits_2_naming_the_option(string option, string value, string named)
    {
        var result = Run("init", "--topology", "cluster", option, value);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(result.Error, Does.StartWith($"error: command line: {named}: "));
        Assert.That(result.Out, Is.Empty);
    }

    [Test]
    public void Peers_for_a_single_server_are_refused_with_the_options_that_fix_it()
    {
        var result = Run("init", "--topology", "single", "--peer", "pon-app-2=10.20.0.12");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(result.Error, Does.StartWith("error: command line: --peer: a single server has no peers. Fix: drop --peer, or use --topology cluster or multi-server"));
    }

    [TestCase("single")]
    [TestCase("Multi-Server")]
    public void The_description_names_the_command_that_made_the_starter(string topology)
    {
        var json = JsonNode.Parse(Run("init", "--topology", topology).Out)!;

        Assert.That(json["description"]!.GetValue<string>(), Does.StartWith($"Starter profile from fwkit init --topology {topology.ToLowerInvariant()}. Set productVersion"));
    }

    [Test]
    public void Init_does_not_overwrite_a_file()
    {
        var profile = File("mine.json");
        System.IO.File.WriteAllText(profile, "{}");

        var result = Run("init", "--topology", "single", "--output", profile);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(System.IO.File.ReadAllText(profile), Is.EqualTo("{}"));
    }

    [TestCase("profile")]
    [TestCase("CATALOG")]
    public void Schema_prints_the_repository_schema_from_inside_the_tool(string name)
    {
        var result = Run("schema", name);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(result.Out, Is.EqualTo(System.IO.File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", name.ToLowerInvariant() + ".schema.json"))));
    }
}
