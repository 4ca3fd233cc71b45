using System.Text.Json.Nodes;
using FirewallKit.Cli;
using FirewallKit.Core.IO;
using FirewallKit.Core.Profiles;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Cli.Commands;

/// <summary>Issue 19 from the command line: init numbers every server, plan's host matrix, export per role, host names refused.</summary>
public class DeploymentCommandTests
{
    [Test]
    public void A_cluster_starter_lists_every_server_numbered_from_1()
    {
        var json = JsonNode.Parse(StarterProfile.Write(new StarterRequest(StarterTopology.Cluster, "5.1.2", [], [], [], new Provenance("fwkit init")), TestCatalog.PrinterOn))!;

        Assert.That(json["peers"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "server-1", "server-2", "server-3" }));
    }

    [Test]
    public void Plan_shows_the_host_matrix_when_the_servers_have_roles_and_not_otherwise()
    {
        var roles = CliRunner.Run("plan", "--profile", RepoPaths.Profile("multi-server.json"));
        var none = CliRunner.Run("plan", "--profile", RepoPaths.Profile("cluster.json"));
        var one = CliRunner.Run("plan", "--profile", RepoPaths.Profile("multi-server.json"), "--host", "pon-cps");

        Assert.Multiple(() =>
        {
            Assert.That(roles.Out, Does.Contain("Hosts: which server opens which port").And.Contain("pon-pds-branch"));
            Assert.That(none.Out, Does.Not.Contain("Hosts:"));
            Assert.That(one.Out, Does.Contain("host 'pon-cps'").And.Not.Contain("Hosts:"));
        });
    }

    [Test]
    public void Export_per_role_writes_an_artefact_per_role_set_and_the_index()
    {
        using var folder = new TempDirectory();
        var result = CliRunner.Run("export", "--profile", RepoPaths.Profile("multi-server.json"), "--per-role", "--output", folder.Path, "--format", "netsh");
        var index = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, "index.json")))!;

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
            Assert.That(folder.Files.Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "index.json", "roles-cps.cmd", "roles-pas.cmd", "roles-pdg.cmd", "roles-pds.cmd" }));
            Assert.That(index["contract"]!.GetValue<string>(), Is.EqualTo("fwkit.per-role/1"));
            Assert.That(File.ReadAllText(Path.Combine(folder.Path, "roles-cps.cmd")), Does.Not.Contain("name=fwkit-printeron-tcp-5200-allow"));
        });
    }

    [Test]
    public void Export_per_role_as_gpo_backups_writes_one_backup_per_role_set_each_its_own_GPO()
    {
        using var folder = new TempDirectory();
        var result = CliRunner.Run("export", "--profile", RepoPaths.Profile("multi-server.json"), "--per-role", "--output", folder.Path, "--format", "gpo-backup");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        var backups = new[] { "roles-cps", "roles-pas", "roles-pdg", "roles-pds" }
            .Select(role => Directory.GetFiles(Path.Combine(folder.Path, role), "Backup.xml", SearchOption.AllDirectories).Single())
            .ToList();
        Assert.That(backups.Select(b => Path.GetFileName(Path.GetDirectoryName(b))), Is.Unique, "every role set its own BackupId");
        Assert.That(File.ReadAllText(backups[0]), Does.Contain("multi-server - cps"), "the GPO is named after the profile and the role set");
        Assert.That(File.ReadAllText(backups[1]), Does.Contain("multi-server - pas"));
        var cpsPolicy = Directory.GetFiles(Path.Combine(folder.Path, "roles-cps"), "registry.pol", SearchOption.AllDirectories).Single();
        Assert.That(System.Text.Encoding.Unicode.GetString(File.ReadAllBytes(cpsPolicy)), Does.Not.Contain("fwkit-printeron-tcp-5200-allow"), "the CPS host's GPO opens no PAS port");
    }

    [Test]
    public void Export_per_role_as_registry_pol_writes_one_policy_file_per_role_set()
    {
        using var folder = new TempDirectory();
        var result = CliRunner.Run("export", "--profile", RepoPaths.Profile("multi-server.json"), "--per-role", "--output", folder.Path, "--format", "registry-pol");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        Assert.That(folder.Files.Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "index.json", "roles-cps.pol", "roles-pas.pol", "roles-pdg.pol", "roles-pds.pol" }));
        Assert.That(File.ReadAllBytes(Path.Combine(folder.Path, "roles-pas.pol")).AsSpan(0, 4).ToArray(), Is.EqualTo("PReg"u8.ToArray()));
    }

    [Test]
    public void Export_per_role_needs_a_folder()
    {
        var result = CliRunner.Run("export", "--profile", RepoPaths.Profile("multi-server.json"), "--per-role");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
    }

    [Test]
    public void A_host_name_as_a_peer_address_exits_2_saying_rules_hold_addresses()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);
        var path = Path.Combine(folder.Path, "p.json");
        File.WriteAllText(path, """{ "productVersion": "5.1.2", "topology": "cluster", "peers": [ { "name": "pon-2", "addresses": [ "pon-2.corp.local" ] } ] }""");

        var result = CliRunner.Run("validate", "--profile", path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(result.Error, Does.Contain("$.peers[0].addresses[0]").And.Contain("Windows Firewall rules hold addresses, not names"));
            Assert.That(result.Error, Does.Not.Contain("   at "));
        });
    }
}
