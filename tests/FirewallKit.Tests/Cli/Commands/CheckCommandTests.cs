using System.Text.Json.Nodes;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Operations;
using FirewallKit.Core.RuleWords;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Cli.Commands;

public class CheckCommandTests
{
    private static readonly string Cluster = RepoPaths.Profile("cluster.json");

    [TestCase("abc")]
    [TestCase("99999999999999999999")]
    [TestCase("0")]
    [TestCase("65536")]
    [TestCase("-1")]
    [TestCase("")]
    public void A_port_that_is_not_a_port_number_is_exit_2_with_a_clear_message(string port)
    {
        var result = CliRunner.Run("check", "--profile", Cluster, "--from", "10.20.0.99", "--port", port);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
        Assert.That(result.Error, Does.Contain($"error: command line: --port: '{port}' is not a port number from 1 to 65535. Fix: give the local port"));
        Assert.That(result.Error, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
        Assert.That(result.Out, Is.Empty);
    }

    [Test]
    public void A_non_peer_on_a_cluster_port_is_blocked_by_the_block_others_rule()
    {
        var result = CliRunner.Run("check", "--profile", Cluster, "--from", "10.20.0.99", "--port", "5200", "--firewall-profile", "domain");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Out, Is.EqualTo("blocked: TCP 5200 from 10.20.0.99 — rule fwkit-printeron-tcp-5200-block-others (Block)\n"));
    }

    [Test]
    public void A_peer_on_a_cluster_port_is_allowed()
    {
        var result = CliRunner.Run("check", "--profile", Cluster, "--from", "fd00:20::13", "--port", "5200", "--protocol", "tcp", "--firewall-profile", "private");

        Assert.That(result.Out, Is.EqualTo("allowed: TCP 5200 from fd00:20::13 — rule fwkit-printeron-tcp-5200-allow (Allow)\n"));
    }

    [Test]
    public void Without_a_firewall_profile_the_profiles_that_disagree_are_named()
    {
        // cluster.json writes its rules for Domain and Private only; Public keeps the default block.
        var result = CliRunner.Run("check", "--profile", Cluster, "--from", "10.30.0.5", "--port", "8057");

        Assert.That(result.Out, Is.EqualTo(
            "allowed in Domain, Private: TCP 8057 from 10.30.0.5 — rule fwkit-printeron-tcp-8057-allow (Allow)\n"
            + "blocked in Public: TCP 8057 from 10.30.0.5 — default inbound action (block)\n"));
    }

    [Test]
    public void Without_a_firewall_profile_one_line_is_printed_when_all_three_agree()
    {
        var result = CliRunner.Run("check", "--profile", Cluster, "--from", "127.0.0.1", "--port", "8057");

        Assert.That(result.Out, Is.EqualTo("allowed: TCP 8057 from 127.0.0.1 — loopback is not filtered\n"));
    }

    [Test]
    public void A_plan_saved_as_JSON_gives_the_same_answer_as_the_profile()
    {
        using var folder = new TempFolder();
        var plan = Path.Combine(folder.Path, "plan.json");
        Assert.That(CliRunner.Run("plan", "--profile", Cluster, "--format", "json", "--output", plan).ExitCode, Is.EqualTo(0));

        var fromProfile = CliRunner.Run("check", "--profile", Cluster, "--from", "10.50.0.7", "--port", "631");
        var fromRules = CliRunner.Run("check", "--rules", plan, "--from", "10.50.0.7", "--port", "631");

        Assert.That(fromRules.ExitCode, Is.EqualTo(0), fromRules.Error);
        Assert.That(fromRules.Out, Is.EqualTo(fromProfile.Out));
    }

    [Test]
    public void A_hand_edited_backup_is_checked_as_it_stands()
    {
        using var folder = new TempFolder();
        var rules = ProfileBuilder.Cluster("10.20.0.11").Plan().Rules;
        var backup = RuleBackupFile.Write(folder.Path, new RuleBackup(new RuleOwnership("PrinterOn Firewall (fwkit)", "fwkit-printeron"), DateTimeOffset.UnixEpoch, "apply", rules));
        // The admin widened the 5200 allow rule by hand and dropped its block rule.
        var json = JsonNode.Parse(File.ReadAllText(backup))!;
        var array = json["rules"]!.AsArray();
        array.Remove(array.Single(r => (string)r!["name"]! == "fwkit-printeron-tcp-5200-block-others"));
        array.Single(r => (string)r!["name"]! == "fwkit-printeron-tcp-5200-allow")!["remoteAddresses"] = new JsonArray("10.20.0.0/24");
        File.WriteAllText(backup, json.ToJsonString());

        var result = CliRunner.Run("check", "--rules", backup, "--from", "10.20.0.99", "--port", "5200", "--firewall-profile", "public");

        Assert.That(result.Out, Is.EqualTo("allowed: TCP 5200 from 10.20.0.99 — rule fwkit-printeron-tcp-5200-allow (Allow)\n"));
    }

    [Test]
    public void A_LocalSubnet_rule_is_reported_as_depending_on_the_machine()
    {
        using var folder = new TempFolder();
        var profile = Path.Combine(folder.Path, "bonjour.json");
        File.WriteAllText(profile, ProfileBuilder.SingleServer().With("airPrintDiscovery").ToJson());

        var result = CliRunner.Run("check", "--profile", profile, "--from", "10.50.0.7", "--port", "5353", "--protocol", "udp", "--firewall-profile", "domain");

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Out, Is.EqualTo(
            "depends on the machine: UDP 5353 from 10.50.0.7 — rule fwkit-printeron-udp-5353-allow (Allow) lets it in only if 10.50.0.7 is in LocalSubnet, which only the machine can resolve; otherwise default inbound action (block)\n"));
    }

    [Test]
    public void Json_output_names_its_contract_first_like_every_json_output()
    {
        var result = CliRunner.Run("check", "--profile", Cluster, "--from", "10.20.0.99", "--port", "5200", "--format", "json");

        var json = JsonNode.Parse(result.Out)!.AsObject();
        Assert.That(json.First().Key, Is.EqualTo("contract"));
        Assert.That((string)json["contract"]!, Is.EqualTo("fwkit.check/1"));
    }

    [Test]
    public void Json_output_carries_each_verdict_with_its_profiles_and_rule()
    {
        var result = CliRunner.Run("check", "--profile", Cluster, "--from", "10.20.0.99", "--port", "5200", "--format", "json");

        var json = JsonNode.Parse(result.Out)!;
        Assert.That((string)json["from"]!, Is.EqualTo("10.20.0.99"));
        Assert.That((int)json["port"]!, Is.EqualTo(5200));
        var verdicts = json["verdicts"]!.AsArray();
        Assert.That(verdicts.Select(v => ((string)v!["outcome"]!, (string?)v["rule"], v["profiles"]!.AsArray().Count)), Is.EqualTo(new[]
        {
            ("blocked", (string?)"fwkit-printeron-tcp-5200-block-others", 2),
            ("blocked", (string?)null, 1),
        }));
    }

    [TestCase(new[] { "--from", "10.0.0.1", "--port", "443" }, "Give exactly one of --profile")]
    [TestCase(new[] { "--profile", "p.json", "--rules", "r.json", "--from", "10.0.0.1", "--port", "443" }, "Give exactly one of --profile")]
    [TestCase(new[] { "--rules", "r.json", "--catalog", "c.json", "--from", "10.0.0.1", "--port", "443" }, "--catalog applies to --profile only")]
    [TestCase(new[] { "--profile", "p.json", "--from", "10.0.0.1", "--port", "0" }, "--port: '0' is not a port number from 1 to 65535. Fix:")]
    [TestCase(new[] { "--profile", "p.json", "--from", "10.0.0.1", "--port", "70000" }, "--port: '70000' is not a port number from 1 to 65535. Fix:")]
    [TestCase(new[] { "--profile", "p.json", "--from", "10.0.0.1", "--port", "443", "--protocol", "icmp" }, "--protocol: 'icmp' is not one of tcp, udp. Fix: use --protocol tcp or --protocol udp")]
    [TestCase(new[] { "--profile", "p.json", "--port", "443" }, "--from")]
    public void Bad_command_lines_exit_2_with_a_message(string[] args, string message)
    {
        var result = CliRunner.Run(["check", .. args]);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain(message));
        Assert.That(result.Out, Is.Empty);
    }

    [TestCase("10.0.0.256", "error: command line: --from: '10.0.0.256' is not an IPv4 address (each part must be 0-255). Fix: give one IPv4 or IPv6 address")]
    [TestCase("10.20.0.0/24", "error: command line: --from: '10.20.0.0/24' is not a single address. Fix: give one IPv4 or IPv6 address")]
    [TestCase("pon-app-1", "error: command line: --from: 'pon-app-1' is a host name, but Windows Firewall rules hold addresses, not names")]
    public void A_bad_source_address_exits_2_naming_the_option_and_the_fix(string from, string message)
    {
        var result = CliRunner.Run("check", "--profile", Cluster, "--from", from, "--port", "5200");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.StartWith(message));
        Assert.That(result.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public void A_rules_file_without_rules_exits_2()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "not-rules.json");
        File.WriteAllText(file, "{ \"rulez\": [] }");

        var result = CliRunner.Run("check", "--rules", file, "--from", "10.0.0.1", "--port", "443");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("$.rules: the file has no \"rules\" array"));
    }

    [Test]
    public void Check_evaluates_the_same_rules_the_plan_writes()
    {
        var plan = Planning.Plan(new PlanRequest(Cluster));

        var result = ConnectionCheck.Run(new CheckRequest(new RuleSource.OfPlan(new PlanRequest(Cluster)), TestQueries.Tcp("10.20.0.12", 6789), NetworkProfiles.Domain));

        Assert.That(result.RuleCount, Is.EqualTo(plan.Rules.Count));
        Assert.That(result.Verdicts.Single().Verdict.DecidingRule!.Id, Is.EqualTo("fwkit-printeron-tcp-6789-allow"));
        Assert.That(plan.Rules.Select(r => r.Name), Does.Contain("fwkit-printeron-tcp-6789-allow"));
        Assert.That(result.Query.Protocol, Is.EqualTo(TransportProtocol.Tcp));
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("fwkit-check-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
