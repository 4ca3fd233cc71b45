using System.Xml.Linq;
using FirewallKit.Core.Audit;
using FirewallKit.Core.Export;
using FirewallKit.Core.Registry;
using FirewallKit.Core.Rules;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Export;

public sealed class GpoBackupExportTests
{
    private static readonly string Cluster = RepoPaths.Profile("cluster.json");

    [Test]
    public void Export_writes_a_backup_folder_with_Backup_xml_bkupInfo_xml_and_the_same_registry_pol()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);
        var dir = Path.Combine(folder.Path, "gpo");
        var pol = Path.Combine(folder.Path, "fw.pol");
        Assert.That(CliRunner.Run("export", "--profile", Cluster, "--format", "registry-pol", "--output", pol).ExitCode, Is.EqualTo(0));

        var result = CliRunner.Run("export", "--profile", Cluster, "--format", "gpo-backup", "--output", dir);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        var plan = ShippedPlans.Of("cluster.json");
        var id = "{" + GpoBackupExporter.BackupId(plan).ToString().ToUpperInvariant() + "}";
        var backup = Path.Combine(dir, id);
        Assert.That(File.ReadAllBytes(Path.Combine(backup, "DomainSysvol", "GPO", "Machine", "registry.pol")), Is.EqualTo(File.ReadAllBytes(pol)));

        XNamespace gpo = "http://www.microsoft.com/GroupPolicy/GPOOperations";
        var xml = XDocument.Load(Path.Combine(backup, "Backup.xml"));
        Assert.That(xml.Descendants(gpo + "MachineExtensionGuids").Single().Value, Is.EqualTo("[{35378EAC-683F-11D2-A89A-00C04FBBCFA2}{B05566AC-FE9C-4368-BE01-7A4CBB6CBA11}]"));
        Assert.That(xml.Descendants(gpo + "DisplayName").Single().Value, Is.EqualTo("fwkit PrinterOn Print Server - cluster"));
        var file = xml.Descendants(gpo + "FSObjectFile").Single();
        Assert.That(file.Attribute(gpo + "Location")!.Value, Is.EqualTo(@"DomainSysvol\GPO\Machine\registry.pol"));

        XNamespace manifest = "http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest";
        var info = XDocument.Load(Path.Combine(backup, "bkupInfo.xml"));
        Assert.That(info.Root!.Element(manifest + "ID")!.Value, Is.EqualTo(id));
        Assert.That(XDocument.Load(Path.Combine(dir, "manifest.xml")).Descendants(manifest + "ID").Single().Value, Is.EqualTo(id));
    }

    [Test]
    public void The_backup_carries_the_ports_table_and_the_plans_warnings_for_the_reviewer()
    {
        var plan = ShippedPlans.Of("cluster.json");

        var review = GpoBackupExporter.Export(plan, DateTimeOffset.UnixEpoch).Single(f => f.RelativePath == GpoBackupExporter.ReviewFileName);
        var text = System.Text.Encoding.UTF8.GetString(review.Content.Span);

        Assert.That(text, Does.Contain("Ports: who may reach each one, and why").And.Contain(plan.Hash));
        Assert.That(plan.Warnings, Is.Not.Empty);
        Assert.That(plan.Warnings.Select(w => w.Code).Distinct(), Is.All.Matches<string>(code => text.Contains($"[{code}]", StringComparison.Ordinal)));
    }

    [Test]
    public void The_same_plan_gives_the_same_backup_ID()
    {
        var plan = ShippedPlans.Of("cluster.json");

        Assert.That(GpoBackupExporter.BackupId(plan), Is.EqualTo(GpoBackupExporter.BackupId(ShippedPlans.Of("cluster.json"))));
        Assert.That(GpoBackupExporter.BackupId(plan), Is.Not.EqualTo(GpoBackupExporter.BackupId(ShippedPlans.Of("single-server.json"))));
    }

    [Test]
    public void A_file_where_the_folder_should_go_is_refused()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);
        var file = Path.Combine(folder.Path, "taken");
        File.WriteAllText(file, "x");

        var result = CliRunner.Run("export", "--profile", Cluster, "--format", "gpo-backup", "--output", file);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("--output").And.Contain("is a file"));
    }

    [Test]
    public void The_backup_s_registry_pol_reads_back_as_the_plan_s_rules()
    {
        var plan = ShippedPlans.Of("cluster.json");
        var pol = GpoBackupExporter.Export(plan, DateTimeOffset.UnixEpoch).Single(f => f.RelativePath.EndsWith("registry.pol", StringComparison.Ordinal));

        var firewall = FirewallRegistry.Read("registry.pol", "registry-pol", PolicyFile.Read("registry.pol", pol.Content.Span));

        Assert.That(firewall.Rules.Select(r => r.Id), Is.EqualTo(plan.Rules.Select(r => r.Name)));
        Assert.That(firewall.Rules.All(r => r.Store == Core.Rules.RuleStore.GroupPolicy), Is.True);
    }
}
