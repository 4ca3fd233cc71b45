using System.Text.Json.Nodes;
using FirewallKit.Cli;
using FirewallKit.Core.RuleWords;
using FirewallKit.Tests.Apply;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Audit;

public class AuditCommandTests
{
    private static readonly string Cluster = DumpScenarios.Cluster;

    [Test]
    public void A_machine_holding_the_plan_beside_a_foreign_allow_all_matches()
    {
        var result = CliRunner.Run("audit", "--rules", DumpScenarios.PathOf("plan-with-foreign-allow-all.txt"), "--profile", Cluster);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        Assert.That(result.Out, Does.Contain("Verdict: matches the plan\n"));
        Assert.That(result.Out, Does.Not.Contain("Findings"));
    }

    [Test]
    public void A_missing_block_others_rule_exits_1_naming_5200_and_the_foreign_rule()
    {
        var result = CliRunner.Run("audit", "--rules", DumpScenarios.PathOf("block-others-5200-missing.txt"), "--profile", Cluster);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Drift), result.Error);
        Assert.That(result.Out, Does.Contain("Verdict: differs from the plan at TCP 5200\n"));
        var finding = result.Out.Split('\n').Single(l => l.StartsWith("  ! ", StringComparison.Ordinal));
        Assert.That(finding, Does.StartWith("  ! TCP 5200 in Domain, Private: wider than intended: reachable from "));
        Assert.That(finding, Does.EndWith($"let in by '{DumpScenarios.ForeignAllowAll}'"));
    }

    [Test]
    public void The_json_contract_names_the_port_the_profile_and_the_foreign_rule()
    {
        var result = CliRunner.Run("audit", "--rules", DumpScenarios.PathOf("block-others-5200-missing.json"), "--profile", Cluster, "--format", "json");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Drift), result.Error);
        var json = JsonNode.Parse(result.Out)!;
        Assert.That((string?)json["contract"], Is.EqualTo("fwkit.audit/1"));
        Assert.That((string?)json["verdict"], Is.EqualTo("differs"));
        Assert.That((string?)json["rules"]!["format"], Is.EqualTo("powershell-json"));
        var port = json["ports"]!.AsArray().Single(p => (int)p!["port"]! == 5200)!;
        Assert.That((string?)port["verdict"], Is.EqualTo("differs"));
        var domain = port["profiles"]!.AsArray().Single(p => (string?)p!["name"] == "Domain")!;
        var finding = domain["findings"]!.AsArray().Single()!;
        Assert.That((string?)finding["kind"], Is.EqualTo("wider-than-intended"));
        Assert.That((bool)finding["certain"]!, Is.True);
        Assert.That(finding["rules"]!.AsArray().Select(r => (string?)r), Is.EqualTo(new[] { $"'{DumpScenarios.ForeignAllowAll}' ({DumpScenarios.Foreign.Id})" }));
        var decider = domain["decidedBy"]!.AsArray().First(d => (string?)d!["effect"] == "lets-in" && ((string?)d["rule"])!.Contains("Acme", StringComparison.Ordinal))!;
        Assert.That((string?)decider["location"], Does.StartWith("$.Rules[").And.Contain("(line "));
    }

    [Test]
    public void A_firewall_profile_the_plan_does_not_cover_is_compared_as_closed()
    {
        var result = CliRunner.Run("audit", "--rules", DumpScenarios.PathOf("block-others-5200-missing.txt"), "--profile", Cluster, "--firewall-profile", "Public");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        Assert.That(result.Out, Does.Contain("  5200   TCP    Public    matches  nobody"));
    }

    [Test]
    public void Without_a_profile_the_catalog_ports_are_audited_and_nothing_is_compared()
    {
        var result = CliRunner.Run("audit", "--rules", DumpScenarios.PathOf("block-others-5200-missing.txt"), "--firewall-profile", "domain");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        Assert.That(result.Out, Does.Contain("no profile: catalog ports, nothing compared"));
        Assert.That(result.Out, Does.Contain("  5200   TCP    Domain    not-compared  Any"));
    }

    [Test]
    public void Without_rules_on_a_system_that_is_not_Windows_audit_exits_3_and_says_to_pass_a_dump()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False);

        var result = CliRunner.Run("audit", "--profile", Cluster);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Environment));
        Assert.That(result.Out, Is.Empty);
        Assert.That(result.Error, Does.Contain("on this system (it needs Windows)").And.Contain("--rules").And.Contain("docs/audit.md"));
    }

    [Test]
    public void A_bad_dump_exits_2_naming_the_file_the_line_and_the_fix()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);
        var dump = Path.Combine(folder.Path, "dump.txt");
        var text = File.ReadAllText(DumpScenarios.PathOf("plan-with-foreign-allow-all.txt"));
        var index = text.IndexOf("RemoteIP:                             Any", StringComparison.Ordinal);
        File.WriteAllText(dump, text[..index] + "RemoteIP:                             10.0.0.0/33" + text[(index + 41)..]);
        var line = text[..index].Count(c => c == '\n') + 1;

        var result = CliRunner.Run("audit", "--rules", dump, "--profile", Cluster);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(result.Out, Is.Empty);
        Assert.That(result.Error, Does.Contain($"{dump}: line {line}: '10.0.0.0/33' is not a valid address: the prefix length must be 0 to 32. Fix: use an IPv4"));
        Assert.That(result.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public void A_rules_path_that_is_a_folder_exits_2_and_reads_nothing()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);

        var result = CliRunner.Run("audit", "--rules", folder.Path, "--profile", Cluster);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(result.Out, Is.Empty);
        Assert.That(result.Error, Does.Contain($"{folder.Path}: line 1: the path is a directory, not a file."));
    }

    [Test]
    public void An_unknown_firewall_profile_is_refused()
    {
        var result = CliRunner.Run("audit", "--rules", DumpScenarios.PathOf("plan-with-foreign-allow-all.txt"), "--firewall-profile", "Home");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(result.Error, Does.Contain("error: command line: --firewall-profile: 'Home' is not one of Domain, Private, Public. Fix: use --firewall-profile Domain, --firewall-profile Private or --firewall-profile Public"));
    }

    /// <summary>
    /// An enabled allow-all on TCP 5200 whose description ends in a fake rule and a profile header: netsh prints the
    /// description raw, so the fake fields come first and the real ones land under "Public Profile Settings:".
    /// </summary>
    private static readonly DumpRule HiddenAllowAll = new("{5a9d3c1e-0000-4000-8000-000000005200}", "Innocent helper", "Helpers", "Domain,Private,Public", "TCP", "5200", "Any", "Allow",
        Description: string.Join("\n",
            "Helps.", "Enabled:                              No", "Direction:                            In", "Profiles:                             Domain",
            "Grouping:                             Helpers", "LocalIP:                              Any", "RemoteIP:                             Any",
            "Protocol:                             TCP", "LocalPort:                            5200", "RemotePort:                           Any",
            "Edge traversal:                       No", "InterfaceTypes:                       Any", "Security:                             NotRequired",
            "Rule source:                          Local Setting", "Action:                               Block",
            "Public Profile Settings:", new string('-', 70)));

    [TestCase(true, TestName = "A_description_that_hides_its_rule_is_refused_as_ambiguous_when_the_rule_comes_first")]
    [TestCase(false, TestName = "A_description_that_hides_its_rule_is_refused_as_ambiguous_when_the_rule_comes_last")]
    public void A_description_that_hides_its_rule_is_refused_as_ambiguous(bool hostileFirst)
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);
        var dump = Path.Combine(folder.Path, "dump.txt");
        var plan = DumpScenarios.Rules("plan-with-foreign-allow-all").Where(r => r != DumpScenarios.Foreign).ToList();
        File.WriteAllText(dump, DumpWriter.Netsh(hostileFirst ? [HiddenAllowAll, .. plan] : [.. plan, HiddenAllowAll], DumpScenarios.DefaultProfiles));

        var result = CliRunner.Run("audit", "--rules", dump, "--profile", Cluster);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), result.Out);
        Assert.That(result.Error, Does.Contain("rule 'Innocent helper'"));
        Assert.That(result.Error, Does.Contain("ambiguous"));
        Assert.That(result.Error, Does.Contain("PowerShell"));
        Assert.That(result.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public void An_allow_all_in_the_public_profile_only_is_wider_than_intended_and_exits_1()
    {
        // The plan opens nothing in a firewall profile it leaves out: the intent there is "closed".
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);
        var dump = Path.Combine(folder.Path, "dump.txt");
        var plan = DumpScenarios.Rules("plan-with-foreign-allow-all").Where(r => r != DumpScenarios.Foreign);
        File.WriteAllText(dump, DumpWriter.Netsh([.. plan, HiddenAllowAll with { Description = "Helps.", Profiles = "Public" }], DumpScenarios.DefaultProfiles));

        var result = CliRunner.Run("audit", "--rules", dump, "--profile", Cluster);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Drift), result.Error);
        Assert.That(result.Out, Does.Contain("Verdict: differs from the plan at TCP 5200\n"));
        Assert.That(result.Out, Does.Contain("  ! TCP 5200 in Public: wider than intended: reachable from "));
        Assert.That(result.Out, Does.Contain("(it intends the port closed); let in by 'Innocent helper'"));
    }

    [Test]
    public void The_json_escapes_bidirectional_controls_as_the_tables_do()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);
        var dump = Path.Combine(folder.Path, "dump.txt");
        var plan = DumpScenarios.Rules("plan-with-foreign-allow-all").Where(r => r != DumpScenarios.Foreign);
        File.WriteAllText(dump, DumpWriter.Netsh([.. plan, HiddenAllowAll with { Name = "Helper \u202Eevil\u2066x\u2069", Description = "Helps." }], DumpScenarios.DefaultProfiles));

        var result = CliRunner.Run("audit", "--rules", dump, "--profile", Cluster, "--format", "json");

        Assert.That(result.Out.Any(c => c is '\u202E' or '\u2066' or '\u2069'), Is.False);
        Assert.That(result.Out, Does.Contain("Helper \\u202Eevil\\u2066x\\u2069"));
        Assert.That(System.Text.Json.Nodes.JsonNode.Parse(result.Out), Is.Not.Null);
    }
}
