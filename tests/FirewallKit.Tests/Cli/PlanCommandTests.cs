using System.Text.Json.Nodes;
using FirewallKit.Cli;
using FirewallKit.Core.Export;
using FirewallKit.Core.Plan;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Cli;

public class PlanCommandTests
{
    [Test]
    public void Plan_prints_the_decision_table_and_the_rules()
    {
        var result = CliRunner.Run("plan", "--profile", RepoPaths.Profile("cluster.json"));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        Assert.That(result.Out, Does.Contain("Ports: who may reach each one, and why"));
        Assert.That(result.Out, Does.Contain("fwkit-printeron-tcp-5200-block-others"));
        Assert.That(result.Error, Is.Empty, "logs stay off stdout, and a clean plan logs nothing at the default level");
    }

    [Test]
    public void Plan_table_for_the_cluster_profile_matches_the_approved_output()
    {
        var result = CliRunner.Run("plan", "--profile", RepoPaths.Profile("cluster.json"));

        Approvals.Verify(result.Out, "cluster.plan.txt");
    }

    [Test]
    public void Plan_json_follows_the_versioned_contract()
    {
        var result = CliRunner.Run("plan", "--profile", RepoPaths.Profile("cluster.json"), "--format", "json");
        var json = JsonNode.Parse(result.Out)!;
        var rule = json["rules"]![0]!;
        var port = json["ports"]![0]!;

        Assert.Multiple(() =>
        {
            Assert.That(json["contract"]!.GetValue<string>(), Is.EqualTo(RulePlan.ContractVersion));
            Assert.That(rule.AsObject().Select(p => p.Key), Is.SupersetOf(new[] { "name", "displayName", "description", "group", "direction", "action", "protocol", "localPorts", "remoteAddresses", "profiles", "enabled" }));
            Assert.That(rule["localPorts"]![0]!.GetValue<string>(), Is.EqualTo("80"));
            Assert.That(rule["enabled"]!.GetValue<bool>(), Is.True);
            Assert.That(port.AsObject().Select(p => p.Key), Is.SupersetOf(new[] { "port", "protocol", "entries", "decision", "allowedFrom", "reason" }));
        });
    }

    [Test]
    public void Plan_json_reads_back_into_the_same_rules()
    {
        var plan = ProfileBuilder.Cluster("10.20.0.11", "fd00::11").Admins("10.30.0.0/24").Plan();
        var json = new Core.Export.JsonPlanExporter().Export(plan);

        var rules = PlanContract.RuleReader.Parse("plan.json", System.Text.Encoding.UTF8.GetBytes(json));

        Assert.That(PlanHash.Of(rules), Is.EqualTo(plan.Hash));
    }

    [Test]
    public void Plan_writes_to_a_file_with_output()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fwkit-plan-{Guid.NewGuid():N}.json");
        try
        {
            var result = CliRunner.Run("plan", "--profile", RepoPaths.Profile("single-server.json"), "--format", "json", "--output", path);

            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Out, Is.Empty);
            Assert.That(JsonNode.Parse(File.ReadAllText(path))!["contract"]!.GetValue<string>(), Is.EqualTo(RulePlan.ContractVersion));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Invalid_profile_exits_2_naming_file_path_and_fix_without_a_stack_trace()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fwkit-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "productVersion": "5.1.2", "topology": "cluster", "peers": [ { "name": "a", "addresses": [ "10.0.0.256" ] } ] }""");
        try
        {
            var result = CliRunner.Run("plan", "--profile", path);

            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(result.Out, Is.Empty);
            Assert.That(result.Error, Does.Contain($"error: {path}: $.peers[0].addresses[0]: '10.0.0.256' is not an IPv4 address (each part must be 0-255)"));
            Assert.That(result.Error, Does.Contain("Fix: use the server's IPv4 or IPv6 addresses"));
            Assert.That(result.Error, Does.Not.Contain("   at "));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Output_into_a_missing_folder_exits_2_and_names_the_option()
    {
        var result = CliRunner.Run("plan", "--profile", RepoPaths.Profile("cluster.json"), "--output", Path.Combine(Path.GetTempPath(), $"fwkit-no-such-{Guid.NewGuid():N}", "plan.txt"));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(result.Error, Does.StartWith("error: command line: --output: the folder "));
        Assert.That(result.Out, Is.Empty);
    }

    [Test]
    public void Missing_profile_file_exits_2()
    {
        var result = CliRunner.Run("plan", "--profile", "no-such-profile.json");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(result.Error, Does.Contain("no-such-profile.json: $: the file does not exist"));
    }

    [Test]
    public void Unknown_option_exits_2()
    {
        var result = CliRunner.Run("plan", "--profile", RepoPaths.Profile("cluster.json"), "--formt", "json");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(result.Error, Does.Contain("--formt"));
    }

    [Test]
    public void Unknown_format_exits_2()
    {
        var result = CliRunner.Run("plan", "--profile", RepoPaths.Profile("cluster.json"), "--format", "xml");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
    }

    [Test]
    public void Validate_reports_a_valid_profile()
    {
        var result = CliRunner.Run("validate", "--profile", RepoPaths.Profile("pdg-disabled.json"));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(result.Out, Does.Contain("valid"));
    }

    [Test]
    public void Catalog_lists_every_entry()
    {
        var result = CliRunner.Run("catalog");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        foreach (var entry in TestCatalog.PrinterOn.Entries)
        {
            Assert.That(result.Out, Does.Contain(entry.Id));
        }
    }

    [Test]
    public void Another_catalog_file_is_used_with_catalog()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fwkit-catalog-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "id": "demo", "product": "Demo", "defaultRuleGroup": "Demo", "ruleNamePrefix": "fwkit-demo",
              "entries": [ { "id": "web", "ports": [ 8443 ], "protocol": "TCP", "component": "Web", "role": "client",
                             "displayName": "Demo web", "origin": "outside-vendor-table",
                             "reachedBy": [ { "from": "clients", "flow": "browsers → web" } ] } ] }
            """);
        var profile = Path.Combine(Path.GetTempPath(), $"fwkit-demo-{Guid.NewGuid():N}.json");
        File.WriteAllText(profile, """{ "productVersion": "1.0", "topology": "single", "addresses": { "clients": [ "192.0.2.0/24" ] } }""");
        try
        {
            var result = CliRunner.Run("plan", "--profile", profile, "--catalog", path, "--format", "json");

            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
            Assert.That(result.Out, Does.Contain("fwkit-demo-tcp-8443-allow"));
        }
        finally
        {
            File.Delete(path);
            File.Delete(profile);
        }
    }
}
